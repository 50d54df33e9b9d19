// @types/node 20 declares Buffer in a way TypeScript 5.9's generic Uint8Array rejects
// (Buffer.slice's ArrayBufferLike vs ArrayBuffer); at runtime a Buffer is a Uint8Array.

/** Why: lets Buffers reach node:crypto and Buffer.concat without scattering casts. */
export function asBytes(buffer: Buffer): Uint8Array {
  return buffer as unknown as Uint8Array;
}

/** Why: Buffer.concat over pieces typed as Buffer (see asBytes). */
export function concatBytes(pieces: Buffer[]): Buffer {
  return Buffer.concat(pieces as unknown as Uint8Array[]);
}
