import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';

/** An outlined button with the download icon, disabled while it runs. */
export function DownloadButton(props: {
  label: string;
  /** A longer accessible name, when the label alone is ambiguous ('CSV'). */
  title?: string;
  busy: boolean;
  onClick: () => void;
  size?: 'small' | 'medium';
}) {
  const { label, title, busy, onClick, size } = props;
  return (
    <Button
      variant="outlined"
      size={size}
      startIcon={<GetAppIcon />}
      onClick={onClick}
      disabled={busy}
      aria-label={title}
      title={title}
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {label}
    </Button>
  );
}
