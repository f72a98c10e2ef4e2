export type FindOptions = { matchCase?: boolean; wholeWord?: boolean };
export type TextMatch = { start: number; end: number };
