import "server-only";
import { hkdfSync } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const AUDIENCE = "mobile";
const ISSUER = "yozuv";
const ALGORITHM = "HS256";

// Its own key (not the session cookie's), so a browser session can never be replayed as a bearer token.
const accessTokenKey = new Uint8Array(hkdfSync("sha256", env.AUTH_SECRET, "yozuv", "mobile-access-token", 32));

export type AccessTokenClaims = { userId: string; sessionId: string; tokenVersion: number };

export async function signAccessToken(claims: AccessTokenClaims): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, tv: claims.tokenVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(claims.userId)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(accessTokenKey);
}

/** Null for anything that is not a current access token of ours: wrong algorithm, audience, issuer, expired. */
export async function verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, accessTokenKey, { algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || typeof payload.tv !== "number") return null;
    return { userId: payload.sub, sessionId: payload.sid, tokenVersion: payload.tv };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
