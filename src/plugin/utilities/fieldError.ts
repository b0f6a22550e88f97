import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

/** A 400 error naming the field, in the same shape as Payload's own validation errors. */
export const fieldError = (
  collection: string,
  path: string,
  message: string,
  req?: PayloadRequest,
): ValidationError => new ValidationError({ collection, errors: [{ message, path }], req }, req?.t)
