import { randomInt } from "node:crypto";

let next = randomInt(0, 9_000_000);

/** A fresh valid Uzbek mobile number, so tests never share rate-limit counters or challenges. */
export function newUzbekMobile(): string {
  next = (next + 1) % 10_000_000;
  return `+99890${String(next).padStart(7, "0")}`;
}

let nextIp = randomInt(1, 60_000);

export function newClientIp(): string {
  nextIp += 1;
  return `203.0.${Math.floor(nextIp / 250) % 250}.${(nextIp % 250) + 1}`;
}
