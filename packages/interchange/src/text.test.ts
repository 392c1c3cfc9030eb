import { describe, expect, it } from 'vitest';
import { decodeText, readText, TextDecodingError } from './text.js';

describe('decodeText', () => {
  it('drops a byte-order mark and decodes characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('\uFEFF编号,名称\n');
    const chunks = [bytes.slice(0, 4), bytes.slice(4, 8), bytes.slice(8)];
    expect(await readText(chunks)).toBe('编号,名称\n');
  });

  it('reads GB18030 when told', async () => {
    const gbk = Uint8Array.from([0xb2, 0xe2, 0xca, 0xd4]); // 测试
    expect(await readText([gbk], 'gb18030')).toBe('测试');
  });

  it('names the line and column of bytes that are not UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('ok\nab'), 0xb2, 0xe2]);
    const parts: string[] = [];
    await expect(
      (async () => {
        for await (const part of decodeText([bytes])) parts.push(part);
      })(),
    ).rejects.toEqual(new TextDecodingError(2, 3, 'utf-8'));
  });
});
