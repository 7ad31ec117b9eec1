import { InvalidQuantityError } from '../errors';
import { toCores, toDevices, toGiB } from './conversions';
import { parseQuantity } from './parseQuantity';

describe('quantity conversions', () => {
  it.each([
    ['500m', '0.5'],
    ['100m', '0.1'],
    ['2', '2'],
    ['1500m', '1.5'],
    ['1n', '0.000000001'],
    ['-250m', '-0.25'],
    ['0', '0'],
    ['1e3', '1000'],
  ])('toCores(%j) = %j', (text, cores) => {
    expect(toCores(parseQuantity(text))).toBe(cores);
  });

  it.each([
    ['64Gi', '64'],
    ['512Mi', '0.5'],
    ['1536Mi', '1.5'],
    ['1Ki', '0.00000095367431640625'],
    ['1G', '0.931322574615478515625'],
    ['1', '0.000000000931322574615478515625'],
    ['1n', '0.000000000000000000931322574615478515625'],
    ['0', '0'],
    ['1Ei', '1073741824'],
  ])('toGiB(%j) = %j', (text, gib) => {
    expect(toGiB(parseQuantity(text))).toBe(gib);
  });

  it.each([
    ['2', '2'],
    ['0', '0'],
    ['4k', '4000'],
    ['1e1', '10'],
    ['2000m', '2'],
  ])('toDevices(%j) = %j', (text, devices) => {
    expect(toDevices(parseQuantity(text))).toBe(devices);
  });

  it.each(['1500m', '1n', '0.5'])('toDevices rejects %j', text => {
    expect(() => toDevices(parseQuantity(text))).toThrow(InvalidQuantityError);
    expect(() => toDevices(parseQuantity(text))).toThrow(
      'not a whole number of devices',
    );
  });
});
