'use client'

import React from 'react'

/** Toolbar / slash-menu icon: a superscript "i" beside a text line. */
export const EndnoteIcon: React.FC = () => (
  <svg
    aria-hidden="true"
    className="icon"
    fill="none"
    focusable="false"
    height="20"
    viewBox="0 0 20 20"
    width="20"
    xmlns="http://www.w3.org/2000/svg"
  >
    <path d="M3.5 14.5h8" stroke="currentColor" strokeLinecap="round" strokeWidth="1.5" />
    <path d="M3.5 10.5h6" stroke="currentColor" strokeLinecap="round" strokeWidth="1.5" />
    <path d="M13 4.5h1.5v5" stroke="currentColor" strokeLinecap="round" strokeWidth="1.5" />
    <path d="M12.5 9.5h4" stroke="currentColor" strokeLinecap="round" strokeWidth="1.5" />
    <circle cx="14.5" cy="2.2" fill="currentColor" r="0.9" />
  </svg>
)
