import type { CurrentUser } from "@/lib/auth/current-user";

/** An admin doing something, and the address it came from when a trusted proxy tells us (lib/auth/client-ip.ts). */
export type AdminActor = CurrentUser & { ip: string | null };
