/** Whether instants can be shown in this zone: an IANA name the runtime knows, e.g. `Europe/Stockholm`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
