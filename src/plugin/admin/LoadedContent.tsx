'use client'

import React from 'react'

export interface LoadedContentProps<T> {
  data: null | T
  error: null | string
  /** Shown until the data is in. */
  loading: string
  children: (data: T) => React.ReactNode
}

/** An admin view's body: the failed load's message as an alert, `loading` until the data is in, then the data. */
export function LoadedContent<T>({ children, data, error, loading }: LoadedContentProps<T>): React.JSX.Element {
  if (error) {
    return (
      <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
        {error}
      </p>
    )
  }
  if (data === null) return <p>{loading}</p>
  return <>{children(data)}</>
}
