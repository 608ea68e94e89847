/**
 * Reading import files: encodings (declared and detected), separators, quoted line breaks, and
 * rows that cannot be read — named with their row and lines, never shifted into other columns.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '#src/domain/errors.ts';
import { decodeText, encodingFromName, firstInvalidUtf8 } from '#src/services/import-files/decode-text.ts';
import { detectDelimiter, readCsv, readJsonTable, type Table } from '#src/services/import-files/read-table.ts';

const latin1 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The rows as [row, line, endLine, cells or problem]. */
const summary = (t: Table): [number, number, number, string[] | string][] =>
  t.rows.map((r) => [r.row, r.line, r.endLine, r.cells ?? r.problem!]);

describe('decoding', () => {
  test('UTF-8 with and without a byte order mark is detected as UTF-8', () => {
    assert.deepEqual(decodeText(utf8('Päättymispvm\n'), 'a.csv'), {
      text: 'Päättymispvm\n',
      encoding: 'utf-8',
      detected: true,
    });
    assert.deepEqual(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Koodi\n')]), 'a.csv'), {
      text: 'Koodi\n',
      encoding: 'utf-8',
      detected: true,
    });
  });

  test('bytes that are not UTF-8 are read as Windows-1252 (ISO-8859-1 letters and the euro sign)', () => {
    const bytes = Uint8Array.from([...latin1('Päättymispvm;Hämeen '), 0x80, 0x0a]);
    assert.deepEqual(decodeText(bytes, 'a.csv'), {
      text: 'Päättymispvm;Hämeen €\n',
      encoding: 'windows-1252',
      detected: true,
    });
    assert.deepEqual(decodeText(latin1('Koodi\n'), 'a.csv', 'windows-1252'), {
      text: 'Koodi\n',
      encoding: 'windows-1252',
      detected: false,
    });
  });

  test('a file declared UTF-8 that holds Latin-1 bytes is refused, naming the line and byte', () => {
    const bytes = latin1('Koodi,Tila\nA1,Toiminnassa\nA2,Toiminta päättynyt\n');
    assert.throws(
      () => decodeText(bytes, 'hankkeet.csv', 'utf-8'),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.code, 'invalid_file');
        assert.equal(e.message, 'hankkeet.csv: 1 problem(s) found; nothing was written');
        assert.deepEqual(e.details, [
          'hankkeet.csv: line 3, byte offset 39: not valid UTF-8 (bytes 0xE4 0xE4 0x74 0x74); the ' +
            'file was declared UTF-8 but looks like Windows-1252 / ISO-8859-1 (use --encoding ' +
            'windows-1252, or leave --encoding out to detect it)',
        ]);
        return true;
      },
    );
  });

  test('the UTF-8 check finds truncated, overlong and surrogate sequences', () => {
    assert.equal(firstInvalidUtf8(utf8('ok ä € 𝄞')), -1);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x41, 0xc3])), 1, 'truncated');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80])), 1, 'overlong');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0, 'surrogate');
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82, 0x41])), 0, 'bad continuation');
  });

  test('encoding names', () => {
    assert.deepEqual(['UTF8', 'latin1', 'ISO-8859-1', 'cp1252', 'windows-1252', 'ebcdic'].map(encodingFromName), [
      'utf-8',
      'windows-1252',
      'windows-1252',
      'windows-1252',
      'windows-1252',
      null,
    ]);
  });
});

describe('CSV', () => {
  test('the separator is detected from the header line, outside quotes', () => {
    assert.equal(detectDelimiter('a,b,c\n1;2;3;4;5\n'), ',');
    assert.equal(detectDelimiter('"a,b";"c,d";e\n'), ';');
    assert.equal(detectDelimiter('a\tb\tc\n'), '\t');
    assert.equal(detectDelimiter('Koodi,Rahasto,Tl,…yhteensä;\n'), ',');
  });

  test('quoted fields keep line breaks, separators and doubled quotes; CRLF and blank lines are fine', () => {
    const t = readCsv(
      '"Projektitel";"Partere"\r\n"Vækst 2.0 ";"Aalborg Universitet\r\nVæksthus ""Nord"""\r\n\r\n"B;C";""\r\n',
    );
    assert.equal(t.delimiter, ';');
    assert.deepEqual(t.header, ['Projektitel', 'Partere']);
    assert.deepEqual(summary(t), [
      [2, 2, 3, ['Vækst 2.0 ', 'Aalborg Universitet\nVæksthus "Nord"']],
      [4, 5, 5, ['B;C', '']],
    ]);
    assert.equal(t.rows[0]!.raw, '"Vækst 2.0 ";"Aalborg Universitet\nVæksthus ""Nord"""');
  });

  test('a row with the wrong number of fields is named and not read; the rows after it are', () => {
    const t = readCsv(
      'Koodi,Viranomainen,Tila\nA1,Hämeen ELY,Toiminnassa\nA2,Hämeen elinkeino-, liikenne- ja ympäristökeskus,Toiminnassa\nA3,X\nA4,Y,Toiminnassa\n',
    );
    assert.deepEqual(summary(t), [
      [2, 2, 2, ['A1', 'Hämeen ELY', 'Toiminnassa']],
      [
        3,
        3,
        3,
        'has 4 fields but the header has 3 (separator ","); the row is not read, so that no value lands in the wrong column',
      ],
      [
        4,
        4,
        4,
        'has 2 fields but the header has 3 (separator ","); the row is not read, so that no value lands in the wrong column',
      ],
      [5, 5, 5, ['A4', 'Y', 'Toiminnassa']],
    ]);
  });

  test('a stray quote breaks only its own row; reading resumes on the next line', () => {
    const t = readCsv(
      'Koodi,Nimi,Tila\n"A70499,""Musculo""""-hieronta,Toiminnassa";\nA2,"Opiferus "Johtamis" ' +
        'x",Toiminnassa\nA3,Nimi "lainaus",Toiminnassa\nA4,Hyvä,Toiminnassa\n',
    );
    assert.deepEqual(summary(t), [
      [
        2,
        2,
        2,
        'not valid CSV (line 2): a quoted value ends and ";" follows instead of a separator — a stray quote character? The row is not read',
      ],
      [
        3,
        3,
        3,
        'not valid CSV (line 3): a quoted value ends and "J" follows instead of a separator — a stray quote character? The row is not read',
      ],
      [
        4,
        4,
        4,
        'not valid CSV (line 4): a quote character inside an unquoted value — quote the whole value and double the quotes inside it; the row is not read',
      ],
      [5, 5, 5, ['A4', 'Hyvä', 'Toiminnassa']],
    ]);
  });

  test('a quote that is never closed swallows the rest of the file, and says so', () => {
    const t = readCsv('Koodi,Nimi\nA1,Hyvä\nA2,"Alku\nA3,Kolmas\nA4,Neljäs\n');
    assert.deepEqual(summary(t), [
      [2, 2, 2, ['A1', 'Hyvä']],
      [
        3,
        3,
        5,
        'not valid CSV (lines 3–5, to the end of the file): a quote opened in this row is never closed, so it swallows the lines after it; they are not read',
      ],
    ]);
    assert.equal(t.rows[1]!.raw, 'A2,"Alku\nA3,Kolmas\nA4,Neljäs');
  });

  test('after a restart, rows are still checked against the header (a ragged first row does not set the count)', () => {
    const t = readCsv('a,b,c\n"x"y,1,2\n1,2,3,4\n5,6,7\n');
    assert.deepEqual(summary(t), [
      [
        2,
        2,
        2,
        'not valid CSV (line 2): a quoted value ends and "y" follows instead of a separator — a stray quote character? The row is not read',
      ],
      [
        3,
        3,
        3,
        'has 4 fields but the header has 3 (separator ","); the row is not read, so that no value lands in the wrong column',
      ],
      [4, 4, 4, ['5', '6', '7']],
    ]);
  });

  test('blank rows and rows of empty cells are left out but counted; a header alone gives no rows; an empty file no header', () => {
    assert.deepEqual(summary(readCsv('a,b\n,\n1,2\n ,\n\n\n3,4\n')), [
      [3, 3, 3, ['1', '2']],
      [7, 7, 7, ['3', '4']],
    ]);
    assert.deepEqual(readCsv('a,b\n').rows, []);
    assert.deepEqual(readCsv('').header, []);
  });
});

describe('JSON', () => {
  test('an array of objects: keys are columns, numbers become text, lists one value per line', () => {
    const t = readJsonTable(
      JSON.stringify([
        { code: 'K1', granted_eur: 1234.5, municipalities: ['075', 'Kotka'] },
        { code: 'K2', status: 'running', lead_business_id: null },
      ]),
    );
    assert.ok(!('error' in t));
    assert.deepEqual(t.header, ['code', 'granted_eur', 'municipalities', 'status', 'lead_business_id']);
    assert.deepEqual(summary(t), [
      [1, 1, 1, ['K1', '1234.5', '075\nKotka', '', '']],
      [2, 2, 2, ['K2', '', '', 'running', '']],
    ]);
    assert.equal(t.rowLabel, 'item');
  });

  test('what is not an array of flat objects is refused', () => {
    assert.deepEqual(readJsonTable('{"code":"K1"}'), {
      error: 'a JSON import must be an array of objects, one per project',
    });
    assert.match((readJsonTable('[{"code":') as { error: string }).error, /^not valid JSON: /);
    const t = readJsonTable('[1, {"code": "K2", "lead": {"name": "X"}}]');
    assert.ok(!('error' in t));
    assert.deepEqual(summary(t), [
      [1, 1, 1, 'is not an object'],
      [2, 2, 2, 'holds an object in "lead"; values must be text, numbers or lists of them'],
    ]);
  });
});
