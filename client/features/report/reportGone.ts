// A report the server answers 404 for: this browser still lists the chat (its history and token live
// here), but the server deleted it after its keeping time (SESSION_RETENTION_DAYS). The api's errors
// read "<status> <detail>" (client/net/api.ts getJson).
export function isNoLongerKept(message: string): boolean {
  return /^404\b/.test(message);
}
