// Reading refusals out of REST and GraphQL answers: the field errors with their paths.
import type { GraphqlError } from './api'

export type FieldError = { path: string; message: string }

type RestErrorBody = {
  errors?: { message: string; data?: { reason?: string; errors?: FieldError[] } }[]
}

/** The field errors of a refused REST write (single or bulk: `errors[].data.errors[]`). */
export const fieldErrors = (body: unknown): FieldError[] =>
  ((body as RestErrorBody).errors ?? []).flatMap((error) => error.data?.errors ?? [])

/** The field error at `path`, or undefined. */
export const fieldError = (body: unknown, path: string): FieldError | undefined =>
  fieldErrors(body).find((error) => error.path === path)

/** The field errors of a refused GraphQL mutation. */
export const graphqlFieldErrors = (errors: readonly GraphqlError[] | undefined): FieldError[] =>
  (errors ?? []).flatMap((error) => error.extensions?.data?.errors ?? [])

export const inEnglish = { 'Accept-Language': 'en' }
