// Buyer photos name a drawing shipped with the client (client/public/media/<key>.svg). Keys are
// scenario data, so only plain kebab-case names become a path: nothing can climb out of /media/.
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isMediaKey(key: string): boolean {
  return KEY.test(key);
}

/** The image address of a photo key, or null when the key is not one we serve. */
export function mediaUrl(key: string): string | null {
  return isMediaKey(key) ? `/media/${key}.svg` : null;
}
