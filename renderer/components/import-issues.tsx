// The per-row, per-field problems of an import file, in words the officer can act on.
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../electron/contract-types';
import { fieldLabel } from '../i18n/errors';

const SHOWN = 300;

export function ImportIssues({ issues }: { issues: readonly ImportIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const shown = issues.slice(0, SHOWN);
  return (
    <div className="table-wrap">
      <table className="table" data-testid="import-issues">
        <caption>{t('import.issuesCaption', { n: issues.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
            <th scope="col">{t('import.value')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={`${i.row}:${i.field}:${i.code}`} data-testid="import-issue" data-row={i.row} data-field={i.field} data-code={i.code}>
              <td>{i.row}</td>
              <td>{fieldLabel(t, i.field)}</td>
              <td>{t(`import.issue.${i.code}`, { defaultValue: t('import.issue.unknown', { code: i.code }) })}</td>
              <td className="mono">{i.value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > SHOWN && <p className="muted">{t('import.moreIssues', { n: issues.length - SHOWN })}</p>}
    </div>
  );
}
