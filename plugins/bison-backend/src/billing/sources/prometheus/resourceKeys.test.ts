import { gpuModelKey, resourceKeyFromKsm } from './resourceKeys';

describe('resourceKeyFromKsm', () => {
  it.each([
    ['nvidia_com_gpu', 'nvidia.com/gpu'],
    ['nvidia_com_gpu_shared', 'nvidia.com/gpu.shared'],
    ['nvidia_com_mig_1g_10gb', 'nvidia.com/mig-1g.10gb'],
    ['nvidia_com_mig_3g_40gb', 'nvidia.com/mig-3g.40gb'],
    ['nvidia_com_mig_7g_80gb', 'nvidia.com/mig-7g.80gb'],
    ['amd_com_gpu', 'amd.com/gpu'],
    ['gpu_intel_com_i915', 'gpu.intel.com/i915'],
    ['habana_ai_gaudi', 'habana.ai/gaudi'],
    // Not invertible: kept as kube-state-metrics names it.
    ['example_com_fpga', 'example_com_fpga'],
    ['nvidia_com_mig_1g_10gb_me', 'nvidia_com_mig_1g_10gb_me'],
    ['constructor', 'constructor'],
  ])('%s → %s', (ksm, key) => {
    expect(resourceKeyFromKsm(ksm)).toBe(key);
  });

  it('names GPU models after the node label, verbatim', () => {
    expect(gpuModelKey('A100')).toBe('nvidia.com/gpu:A100');
    expect(gpuModelKey('NVIDIA-A100-SXM4-80GB')).toBe(
      'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
    );
  });
});
