import { oneLine } from '../core/owners/printable';

// Its own module so that markdown.ts and the outcome Markdown can both use it without importing each other.

/** Escapes Markdown (and inline HTML) in text from OWNERS.yaml. */
export function esc(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, c => `\\${c}`);
}
