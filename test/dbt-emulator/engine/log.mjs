// @ts-check
// dbt's console output: "HH:MM:SS  message" lines on stdout, progress lines padded with dots.
import process from 'node:process';

const FLUSH_AT = 64 * 1024;

/** dbt's default --printer-width. */
export const PRINTER_WIDTH = 80;

/**
 * A buffered stdout logger. Lines are flushed in chunks so that 10,000-node runs stay fast, and
 * explicitly before anything slow so that output still streams live.
 * @param {{ write?: (text: string) => void }} [options]
 */
export function createLog(options = {}) {
  const write = options.write ?? ((text) => void process.stdout.write(text));
  let buffer = '';
  const flush = () => {
    if (buffer) write(buffer);
    buffer = '';
  };
  /** @param {string} message */
  const line = (message) => {
    buffer += `${timestamp()}  ${message}\n`;
    if (buffer.length >= FLUSH_AT) flush();
  };
  return {
    line,
    /** dbt's Formatting("") event: a timestamp and nothing else. */
    blank: () => line(''),
    /** @param {string} text written as is, without a timestamp */
    raw: (text) => {
      buffer += text;
      flush();
    },
    flush,
  };
}

/** @typedef {ReturnType<typeof createLog>} Log */

function timestamp() {
  return new Date().toISOString().slice(11, 19);
}

/**
 * dbt's format_fancy_output_line: "1 of 5 START ... [RUN]" (no "i of n" without an index).
 * @param {{ message: string, status: string, index?: number, total?: number, seconds?: number }} params
 */
export function formatProgressLine({ message, status, index, total, seconds }) {
  const progress = index === undefined || total === undefined ? '' : `${index} of ${total} `;
  const prefix = `${progress}${message} `;
  const justified = prefix.padEnd(PRINTER_WIDTH, '.');
  const time = seconds === undefined ? '' : ` in ${seconds.toFixed(2)}s`;
  return `${justified} [${status}${time}]`;
}

/**
 * dbt_common's pluralize: "1 error", "2 errors".
 * @param {number} count
 * @param {string} word
 */
export function pluralize(count, word) {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
