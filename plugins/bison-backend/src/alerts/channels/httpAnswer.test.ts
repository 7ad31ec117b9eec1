import { AlertDeliveryError } from '@bison/plugin-bison-node';
import { checkHttpAnswer, retryAfterSeconds } from './httpAnswer';

function failure(status: number, body = '', headers = {}): AlertDeliveryError {
  try {
    checkHttpAnswer({ status, body, headers }, 'The receiver');
  } catch (error) {
    return error as AlertDeliveryError;
  }
  throw new Error('expected a failure');
}

describe('checkHttpAnswer', () => {
  it('accepts any 2xx', () => {
    expect(
      checkHttpAnswer({ status: 200, body: '', headers: {} }, 'x'),
    ).toEqual({
      status: 200,
    });
    expect(
      checkHttpAnswer({ status: 202, body: '', headers: {} }, 'x'),
    ).toEqual({
      status: 202,
    });
  });

  it('retries 429 and 5xx, with the wait the receiver asked for', () => {
    const limited = failure(429, 'slow down', { 'retry-after': '30' });
    expect(limited).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 30,
    });
    expect(limited.message).toBe('The receiver answered HTTP 429: slow down');
    expect(failure(503)).toMatchObject({ status: 503, retryable: true });
    expect(failure(503).retryAfterSeconds).toBeUndefined();
  });

  it('fails other statuses for good', () => {
    expect(failure(404, 'no such hook')).toMatchObject({
      status: 404,
      retryable: false,
      message: 'The receiver answered HTTP 404: no such hook',
    });
    expect(failure(410)).toMatchObject({ retryable: false });
  });

  it('cuts long bodies to 200 characters', () => {
    const error = failure(400, 'x'.repeat(5000));
    expect(error.message.length).toBeLessThan(260);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds and HTTP dates, with any header case', () => {
    expect(retryAfterSeconds({ 'Retry-After': '120' })).toBe(120);
    const now = new Date('2026-12-02T10:00:00Z');
    expect(
      retryAfterSeconds(
        { 'retry-after': 'Wed, 02 Dec 2026 10:01:30 GMT' },
        now,
      ),
    ).toBe(90);
    expect(
      retryAfterSeconds(
        { 'retry-after': 'Wed, 02 Dec 2026 09:00:00 GMT' },
        now,
      ),
    ).toBe(0);
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterSeconds({})).toBeUndefined();
  });
});
