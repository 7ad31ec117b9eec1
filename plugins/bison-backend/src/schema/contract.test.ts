import fs from 'fs';
import path from 'path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { spec } from './openapi/generated/router';

// Both are regenerated from the document by `yarn generate` in this package.
const documentPath = path.resolve(__dirname, 'openapi.yaml');
const frontendTypesPath = path.resolve(
  __dirname,
  '../../../bison-common/src/schema/openapi.generated.ts',
);

describe('the API contract (openapi.yaml)', () => {
  it('is the document the typed router validates requests and responses against', () => {
    expect(spec).toEqual(parse(fs.readFileSync(documentPath, 'utf8')));
  });

  it('is where the types the frontend uses come from', async () => {
    const types = astToString(
      await openapiTS(fs.readFileSync(documentPath, 'utf8')),
    );
    expect(fs.readFileSync(frontendTypesPath, 'utf8')).toContain(types);
  });
});
