/** A document id: a number on PostgreSQL's serial ids, a string on UUID or text ids. */
export type ID = number | string
