// Reads and writes the float32 .npy matrices the Java harness exchanges with this peer.
import { readFileSync, writeFileSync } from 'node:fs';

export function readNpy(path) {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
  const shape = header.match(/'shape': \((\d+), (\d+)\)/);
  if (!header.includes("'<f4'") || !shape) {
    throw new Error(`${path}: expected a float32 matrix, found header ${header}`);
  }
  const rows = Number(shape[1]);
  const cols = Number(shape[2]);
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + 10 + headerLength,
      bytes.byteOffset + 10 + headerLength + rows * cols * 4));
  const matrix = [];
  for (let r = 0; r < rows; r++) {
    matrix.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
  }
  return matrix;
}

export function writeNpy(path, matrix) {
  const rows = matrix.length;
  const cols = rows ? matrix[0].length : 0;
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  const unpadded = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const header = Buffer.alloc(10);
  header.writeUInt8(0x93, 0);
  header.write('NUMPY', 1, 'latin1');
  header.writeUInt8(1, 6);
  header.writeUInt8(0, 7);
  header.writeUInt16LE(dict.length, 8);
  const data = new Float32Array(rows * cols);
  matrix.forEach((row, r) => data.set(row, r * cols));
  writeFileSync(path, Buffer.concat([header, Buffer.from(dict, 'latin1'), Buffer.from(data.buffer)]));
}
