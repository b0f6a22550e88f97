'use client'

export { EndnoteFeatureClient } from '../endnote/feature.client'
