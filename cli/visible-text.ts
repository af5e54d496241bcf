// Text from a record (a step's saved output, a command, a name) shown on a terminal: control
// characters are made visible instead of being replayed, so a saved tail cannot move the cursor,
// clear the screen, set the window title or write the clipboard (ESC, CSI and OSC sequences).

/** C0 controls except tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `text` with each control character other than newline and tab written as `\xNN` (a CRLF line
 * end becomes a plain newline), so ESC [ 2 J shows as `\x1b[2J` and does nothing.
 */
export function visibleText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
