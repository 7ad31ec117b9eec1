import Chip from '@material-ui/core/Chip';
import { AlertDeliveryStatus } from '../../api';

const LABELS: Record<AlertDeliveryStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
};

const COLORS: Record<AlertDeliveryStatus, 'primary' | 'secondary' | 'default'> =
  {
    pending: 'default',
    sending: 'default',
    delivered: 'primary',
    failed: 'secondary',
  };

export function DeliveryStatusChip(props: { status: AlertDeliveryStatus }) {
  const { status } = props;
  return <Chip size="small" label={LABELS[status]} color={COLORS[status]} />;
}
