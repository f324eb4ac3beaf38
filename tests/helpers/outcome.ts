import type { Outcome } from '../../src/operations/result'

/** An operation's value; fails the test with the refusal when it refused. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`)
  return outcome.value
}
