/** The sign-in code rules in one place; tests import these rather than repeating the numbers. */
export const otpPolicy = {
  codeTtlSeconds: 5 * 60,
  maxAttemptsPerCode: 5,
  resendCooldownSeconds: 60,
  sendsPerPhonePerHour: 5,
  sendsPerPhonePerDay: 10,
  sendsPerIpPerHour: 10,
  verificationsPerIpPer5Minutes: 30,
  failedVerificationsPerPhonePerDay: 20,
  phoneLockSeconds: 60 * 60,
} as const;
