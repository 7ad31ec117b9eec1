import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { computeResources } from '../../__testUtils__/fixtures';
import { ResourceList } from '../../api';
import { QuotaEditor } from './QuotaEditor';
import { quotaForm, validateQuotaForm } from './quotaForm';

// Typing into MUI dialogs takes seconds when the CI machine is busy.
/** The editor with its state, printing the hard map it would send. */
function Harness(props: { hard?: ResourceList }) {
  const [form, setForm] = useState(() => quotaForm(props.hard));
  const { hard, errors } = validateQuotaForm(form, computeResources);
  return (
    <>
      <QuotaEditor
        resources={computeResources}
        form={form}
        onChange={setForm}
        idPrefix="test"
      />
      <output data-testid="hard">{JSON.stringify(hard)}</output>
      <output data-testid="errors">{Object.keys(errors).join(',')}</output>
    </>
  );
}

function sentHard() {
  return JSON.parse(screen.getByTestId('hard').textContent ?? '{}');
}

describe('QuotaEditor', () => {
  it('has a labelled field per quota key and a unit select for cpu and memory', () => {
    render(<Harness />);
    for (const label of [
      'cpu',
      'cpu limit',
      'memory',
      'memory limit',
      'nvidia.com/gpu',
      'pods',
    ]) {
      expect(screen.getByLabelText(label)).toHaveValue('');
    }
    expect(screen.getByLabelText('memory unit')).toHaveValue('Gi');
    expect(screen.getByLabelText('cpu unit')).toHaveValue('cores');
    expect(screen.queryByLabelText('nvidia.com/gpu unit')).toBeNull();
    expect(screen.getByText('NVIDIA GPU')).toBeInTheDocument();
    expect(sentHard()).toEqual({});
  });

  it('stores 64 next to Gi as 64Gi', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('memory'), '64');
    expect(sentHard()).toEqual({ 'requests.memory': '64Gi' });

    await userEvent.selectOptions(screen.getByLabelText('memory unit'), 'Mi');
    expect(sentHard()).toEqual({ 'requests.memory': '64Mi' });
  });

  it('writes cpu in cores or millicores and devices as whole numbers', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('cpu'), '500');
    await userEvent.selectOptions(
      screen.getByLabelText('cpu unit'),
      'millicores',
    );
    await userEvent.type(screen.getByLabelText('cpu limit'), '2');
    await userEvent.type(screen.getByLabelText('nvidia.com/gpu'), '4');
    await userEvent.type(screen.getByLabelText('pods'), '50');
    expect(sentHard()).toEqual({
      'requests.cpu': '500m',
      'limits.cpu': '2',
      'requests.nvidia.com/gpu': '4',
      pods: '50',
    });
  });

  it('opens stored values in their own unit, never in bytes', () => {
    render(
      <Harness
        hard={{
          'requests.memory': '64Gi',
          'limits.memory': '68719476736',
          'requests.cpu': '500m',
        }}
      />,
    );
    expect(screen.getByLabelText('memory')).toHaveValue('64');
    expect(screen.getByLabelText('memory unit')).toHaveValue('Gi');
    expect(screen.getByLabelText('memory limit')).toHaveValue('64');
    expect(screen.getByLabelText('memory limit unit')).toHaveValue('Gi');
    expect(screen.getByLabelText('cpu')).toHaveValue('500');
    expect(screen.getByLabelText('cpu unit')).toHaveValue('millicores');
    expect(sentHard()).toEqual({
      'requests.memory': '64Gi',
      'limits.memory': '68719476736',
      'requests.cpu': '500m',
    });
  });

  it('shows an inline error under an invalid field', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('nvidia.com/gpu'), '1.5');
    expect(screen.getByText('must be a whole number')).toBeInTheDocument();
    expect(screen.getByLabelText('nvidia.com/gpu')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByTestId('errors')).toHaveTextContent(
      'requests.nvidia.com/gpu',
    );

    await userEvent.type(screen.getByLabelText('memory'), '64GB');
    expect(
      screen.getByText('must be a number such as 2 or 0.5'),
    ).toBeInTheDocument();
  });

  it('warns about stored keys the cluster no longer offers', () => {
    render(<Harness hard={{ 'requests.example.com/fpga': '2' }} />);
    expect(
      screen.getByText(/removed when you save: requests.example.com\/fpga = 2/),
    ).toBeInTheDocument();
  });
});
