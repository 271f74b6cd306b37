/**
 * A copy in a fresh, JS-owned ArrayBuffer. Buffers from sharp or `fs` may be slices of a shared
 * pool or natively allocated; neither can be transferred to another thread, so bytes are copied
 * once here and then moved across threads without a second copy.
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return ownedBytes(bytes).buffer;
}
