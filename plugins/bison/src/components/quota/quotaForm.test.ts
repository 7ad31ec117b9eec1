import { computeResources } from '../../__testUtils__/fixtures';
import { fieldOf, quotaForm, validateQuotaForm, withField } from './quotaForm';

describe('quota form', () => {
  it('turns 64 next to Gi into 64Gi, not 64 bytes', () => {
    const form = withField(quotaForm(), 'requests.memory', {
      amount: '64',
      unit: 'Gi',
    });
    expect(validateQuotaForm(form, computeResources)).toEqual({
      hard: { 'requests.memory': '64Gi' },
      errors: {},
    });
  });

  it('opens a stored quota in its own units and saves it back unchanged', () => {
    const hard = {
      'requests.memory': '64Gi',
      'requests.cpu': '500m',
      'limits.cpu': '2',
      'requests.nvidia.com/gpu': '4',
      pods: '50',
    };
    const form = quotaForm(hard);
    expect(fieldOf(form, 'requests.memory')).toEqual({
      amount: '64',
      unit: 'Gi',
    });
    expect(fieldOf(form, 'requests.cpu')).toEqual({
      amount: '500',
      unit: 'millicores',
    });
    expect(fieldOf(form, 'limits.memory')).toEqual({ amount: '', unit: 'Gi' });
    expect(validateQuotaForm(form, computeResources)).toEqual({
      hard,
      errors: {},
    });
  });

  it('sends a value written in another notation back as written unless edited', () => {
    const form = quotaForm({ 'requests.memory': '1G', 'limits.memory': '1G' });
    const edited = withField(form, 'limits.memory', {
      amount: '2',
      unit: 'Gi',
    });
    expect(validateQuotaForm(edited, computeResources).hard).toEqual({
      'requests.memory': '1G',
      'limits.memory': '2Gi',
    });
  });

  it('leaves out cleared fields and keys no resource offers', () => {
    const form = withField(
      quotaForm({ 'requests.memory': '8Gi', 'requests.example.com/fpga': '1' }),
      'requests.memory',
      { amount: '', unit: 'Gi' },
    );
    expect(validateQuotaForm(form, computeResources)).toEqual({
      hard: {},
      errors: {},
    });
  });

  it('reports an error per invalid field', () => {
    const form = withField(
      withField(quotaForm(), 'requests.nvidia.com/gpu', {
        amount: '1.5',
        unit: '',
      }),
      'requests.cpu',
      { amount: 'two', unit: 'cores' },
    );
    expect(validateQuotaForm(form, computeResources).errors).toEqual({
      'requests.nvidia.com/gpu': 'must be a whole number',
      'requests.cpu': 'must be a number such as 2 or 0.5',
    });
  });
});
