/** The sign-in code rules in one place; tests import these rather than repeating the numbers. */
export const otpPolicy = {
  codeTtlSeconds: 5 * 60,
  maxAttemptsPerCode: 5,
  resendCooldownSeconds: 60,
  sendsPerPhonePerHour: 5,
  sendsPerPhonePerDay: 10,
  verificationsPerIpPer5Minutes: 30,
  // A lock holds one client (IP) off one phone, so an attacker cannot lock the owner out.
  failedVerificationsPerClientPerDay: 20,
  phoneLockSeconds: 60 * 60,
  // Failures from all clients together after which the owner is told by SMS, at most once a day.
  failedVerificationsBeforeOwnerAlert: 20,
} as const;
