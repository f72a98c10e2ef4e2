// The seed contract's path for the same file; kept so existing mobile clients keep working.
export { GET, HEAD } from "../../[id]/file/route";
