import { expect } from "vitest";

/** What `promise` rejected with, asserted to be a `type`; a promise that resolves fails the test. */
export async function rejectionOf<ErrorType>(promise: Promise<unknown>, type: abstract new (...args: never[]) => ErrorType): Promise<ErrorType> {
  const outcome = await promise.then(
    (value) => new Error(`resolved with ${JSON.stringify(value)} instead of rejecting`),
    (rejection: unknown) => rejection,
  );
  expect(outcome).toBeInstanceOf(type);
  return outcome as ErrorType;
}
