// The TwinrunError a promise rejects with; anything else (or no rejection) fails the test.
import { TwinrunError } from "../../src/errors.ts";

export async function twinrunErrorOf(promise: Promise<unknown>): Promise<TwinrunError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TwinrunError) return error;
    throw error;
  }
  throw new Error("expected a TwinrunError, but the promise resolved");
}
