// Control characters (NUL above all) in an address are never legitimate, and the database cannot
// even compare them: requests with them are refused before any page or handler sees them.
export function hasControlCharacters(url: URL): boolean {
  return /%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(url.href) || /[\u0000-\u001f\u007f]/.test(url.pathname);
}
