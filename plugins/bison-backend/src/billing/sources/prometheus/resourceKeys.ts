/**
 * Resource keys from kube-state-metrics' `resource` label.
 *
 * kube-state-metrics writes an extended resource's name with every character
 * outside [a-zA-Z0-9_] replaced by '_' (`nvidia.com/gpu` → `nvidia_com_gpu`),
 * which cannot be undone in general ('.', '/' and '-' all become '_'). Names
 * of well-known device plugins are mapped back to the Kubernetes resource name
 * below; any other extended resource keeps kube-state-metrics' name as its
 * key (e.g. `example_com_fpga`), and must be priced under that key.
 */
const KNOWN_RESOURCES: Record<string, string> = {
  nvidia_com_gpu: 'nvidia.com/gpu',
  nvidia_com_gpu_shared: 'nvidia.com/gpu.shared',
  amd_com_gpu: 'amd.com/gpu',
  gpu_intel_com_i915: 'gpu.intel.com/i915',
  gpu_intel_com_xe: 'gpu.intel.com/xe',
  habana_ai_gaudi: 'habana.ai/gaudi',
};

// NVIDIA MIG profiles: nvidia.com/mig-1g.10gb, nvidia.com/mig-3g.40gb, ...
const MIG_PROFILE = /^nvidia_com_mig_([0-9]+)g_([0-9]+)gb$/;

/**
 * kube-state-metrics' requests `resource` label of a device or other
 * extended resource → the usage resource key.
 */
export function resourceKeyFromKsm(ksmResource: string): string {
  if (Object.hasOwn(KNOWN_RESOURCES, ksmResource)) {
    return KNOWN_RESOURCES[ksmResource];
  }
  const mig = MIG_PROFILE.exec(ksmResource);
  if (mig) return `nvidia.com/mig-${mig[1]}g.${mig[2]}gb`;
  return ksmResource;
}

/**
 * The key of whole NVIDIA GPUs of a known model: `nvidia.com/gpu:<model>`,
 * where model is the node label `nvidia.com/gpu.product` verbatim (as GPU
 * feature discovery sets it, e.g. `NVIDIA-A100-SXM4-80GB`). Reported instead
 * of `nvidia.com/gpu`, never in addition: the price lookup falls back from
 * the model's key to `nvidia.com/gpu` when the model has no price of its own.
 */
export function gpuModelKey(model: string): string {
  return `nvidia.com/gpu:${model}`;
}
