/**
 * U+FEFF at the start of TXT and SRT files. Windows apps that still guess the encoding (older
 * Notepad, Windows Media Player, many TV and car players reading SRT) take a file without it for the
 * local code page and garble oʻ, gʻ and Cyrillic; with it every one of them reads UTF-8. WebVTT and
 * JSON are UTF-8 by definition (JSON must not carry one, RFC 8259 §8.1), so they get none.
 */
export const BYTE_ORDER_MARK = "\uFEFF";
