import { AlertNotice } from '@bison/plugin-bison-node';
import { noticeMeta, truncateUtf8, utf8Length } from './noticeText';

const PARAGRAPH = '\n\n';

/**
 * The notice as chat-robot markdown (DingTalk, WeCom), at most `maxBytes`
 * of UTF-8. The summary and facts are cut first so the title and the link
 * survive. `emphasizeMeta` may decorate the severity line (WeCom colours).
 */
export function noticeMarkdown(
  notice: AlertNotice,
  options: { maxBytes: number; emphasizeMeta?: (meta: string) => string },
): string {
  const { maxBytes, emphasizeMeta = (meta: string) => meta } = options;
  const top = [
    `### ${notice.title}`,
    `> ${emphasizeMeta(noticeMeta(notice))}`,
  ].join(PARAGRAPH);
  const bottom = notice.link ? `[Open in Backstage](${notice.link})` : '';
  const facts = notice.facts
    .map(fact => `- **${fact.label}:** ${fact.value}`)
    .join('\n');
  const middle = [notice.summary, facts].filter(Boolean).join(PARAGRAPH);
  const fixedBytes =
    utf8Length(top) + utf8Length(bottom) + 2 * utf8Length(PARAGRAPH);
  const cutMiddle = truncateUtf8(middle, Math.max(0, maxBytes - fixedBytes));
  return truncateUtf8(
    [top, cutMiddle, bottom].filter(Boolean).join(PARAGRAPH),
    maxBytes,
  );
}
