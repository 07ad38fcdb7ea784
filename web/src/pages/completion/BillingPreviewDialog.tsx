// The billing effect of a completion action, shown before it is submitted: per student the cost, the balance
// now and after, and the pricing rule that applied. Only "Confirm" here submits the action.
import type { ApiError } from '../../lib/api';
import { Dialog } from '../../ui/Dialog';
import { Badge, ErrorBox, statusTone } from '../../ui/feedback';
import { ACTION_LABEL, type Preview } from './types';

const OUTCOME: Record<Preview['lines'][number]['outcome'], string> = {
  debit: 'Deducted',
  refused: 'Refused: balance too low',
  free: 'Free',
  not_charged: 'Not charged',
  unpriced: 'No price set: set one before deducting',
};

export function BillingPreviewDialog({
  preview,
  name,
  error,
  pending,
  onBack,
  onConfirm,
}: {
  preview: Preview;
  name: (studentId: string) => string;
  error: ApiError | undefined;
  pending: boolean;
  onBack: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={`Confirm: ${ACTION_LABEL[preview.action]}`} open onClose={onBack} wide>
      <p>Read the billing effect before you confirm.</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Attendance</th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Balance now
            </th>
            <th scope="col" className="num">
              Balance after
            </th>
            <th scope="col">Effect</th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((l) => (
            <tr key={l.studentId}>
              <td>{name(l.studentId)}</td>
              <td>
                <Badge tone={statusTone(l.attendance)}>{l.attendance}</Badge>
              </td>
              <td className="num">{l.outcome === 'debit' ? `−${l.tokens}` : 0} tokens</td>
              <td className="num">{l.balance}</td>
              <td className="num">
                <strong>{l.balanceAfter}</strong>
              </td>
              <td>
                {OUTCOME[l.outcome]}
                <div className="hint">{l.ruleNote}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Total deducted: {preview.lines.filter((l) => l.outcome === 'debit').reduce((n, l) => n + l.tokens, 0)}{' '}
        tokens.
      </p>
      <ErrorBox error={error} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
        <button type="button" className="btn btn-primary" disabled={pending} onClick={onConfirm}>
          Confirm {ACTION_LABEL[preview.action]}
        </button>
      </div>
    </Dialog>
  );
}
