import { AlertNotice } from '@bison/plugin-bison-node';
import { factLines, noticeMeta } from './noticeText';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function emailText(notice: AlertNotice): string {
  return [
    notice.title,
    noticeMeta(notice),
    notice.summary,
    factLines(notice).join('\n'),
    notice.link ? `Open in Backstage: ${notice.link}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function emailHtml(notice: AlertNotice): string {
  const rows = notice.facts
    .map(
      fact =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(
          fact.label,
        )}</th><td style="padding:2px 0">${escapeHtml(fact.value)}</td></tr>`,
    )
    .join('');
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(notice.title)}</h2>`,
    `<p style="color:#666">${escapeHtml(noticeMeta(notice))}</p>`,
    `<p>${escapeHtml(notice.summary)}</p>`,
    rows ? `<table>${rows}</table>` : '',
    notice.link
      ? `<p><a href="${escapeHtml(notice.link)}">Open in Backstage</a></p>`
      : '',
    '</body></html>',
  ].join('\n');
}
