/**
 * What a Linux guest says about its CPU and hypervisor: with KVM, KubeVirt's default host-model
 * CPU on the seeded Skylake nodes and `Hypervisor vendor: KVM`; under software emulation
 * (KubeVirt's developerConfiguration.useEmulation: QEMU's TCG, no /dev/kvm) QEMU's qemu64 model,
 * no hypervisor vendor lscpu recognises, and systemd-detect-virt answering "qemu".
 */

interface CpuModel {
  vendor: string;
  name: string;
  family: number;
  model: number;
  stepping: number;
  flags: string;
}

const KVM_CPU: CpuModel = {
  vendor: 'GenuineIntel',
  name: 'Intel Core Processor (Skylake, IBRS)',
  family: 6,
  model: 94,
  stepping: 3,
  flags:
    'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid tsc_known_freq pni pclmulqdq vmx ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch cpuid_fault invpcid_single ssbd ibrs ibpb stibp ibrs_enhanced tpr_shadow flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid mpx rdseed adx smap clflushopt xsaveopt xsavec xgetbv1 xsaves arat umip md_clear arch_capabilities',
};

const TCG_CPU: CpuModel = {
  vendor: 'AuthenticAMD',
  name: 'QEMU Virtual CPU version 2.5+',
  family: 15,
  model: 107,
  stepping: 1,
  flags:
    'fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 syscall nx lm rep_good nopl cpuid extd_apicid pni cx16 hypervisor lahf_lm cmp_legacy 3dnowprefetch vmmcall',
};

const cpuOf = (emulation: boolean): CpuModel => (emulation ? TCG_CPU : KVM_CPU);

/** `systemd-detect-virt`: "kvm" with hardware acceleration, "qemu" under TCG. */
export function detectVirt(emulation: boolean): string {
  return emulation ? 'qemu' : 'kvm';
}

const row = (indent: number, label: string, value: string | number) =>
  `${' '.repeat(indent)}${`${label}:`.padEnd(25 - indent)}${value}`;

/** `lscpu`, in util-linux 2.40's layout. */
export function lscpuOutput(cpus: number, emulation: boolean): string {
  const cpu = cpuOf(emulation);
  const lines = [
    row(0, 'Architecture', 'x86_64'),
    row(2, 'CPU op-mode(s)', '32-bit, 64-bit'),
    row(2, 'Address sizes', emulation ? '40 bits physical, 48 bits virtual' : '46 bits physical, 48 bits virtual'),
    row(2, 'Byte Order', 'Little Endian'),
    row(0, 'CPU(s)', cpus),
    row(2, 'On-line CPU(s) list', cpus === 1 ? '0' : `0-${cpus - 1}`),
    row(0, 'Vendor ID', cpu.vendor),
    row(2, 'Model name', cpu.name),
    row(4, 'CPU family', cpu.family),
    row(4, 'Model', cpu.model),
    row(4, 'Thread(s) per core', 1),
    row(4, 'Core(s) per socket', 1),
    row(4, 'Socket(s)', cpus),
    row(4, 'Stepping', cpu.stepping),
    row(4, 'BogoMIPS', emulation ? '4589.16' : '4199.99'),
    row(4, 'Flags', cpu.flags),
  ];
  // util-linux names only the hypervisors it knows (KVM, Xen, VMware...): TCG is not one of them.
  if (!emulation)
    lines.push(
      'Virtualization features:',
      row(2, 'Virtualization', 'VT-x'),
      row(2, 'Hypervisor vendor', 'KVM'),
      row(2, 'Virtualization type', 'full'),
    );
  return lines.join('\n');
}

/** `/proc/cpuinfo`: one block per vCPU. */
export function cpuinfoOutput(cpus: number, emulation: boolean): string {
  const cpu = cpuOf(emulation);
  const block = (n: number) =>
    [
      `processor\t: ${n}`,
      `vendor_id\t: ${cpu.vendor}`,
      `cpu family\t: ${cpu.family}`,
      `model\t\t: ${cpu.model}`,
      `model name\t: ${cpu.name}`,
      `stepping\t: ${cpu.stepping}`,
      `cpu MHz\t\t: ${emulation ? '2294.580' : '2099.998'}`,
      `physical id\t: ${n}`,
      'siblings\t: 1',
      'cpu cores\t: 1',
      `flags\t\t: ${cpu.flags}`,
      '',
    ].join('\n');
  return Array.from({ length: Math.max(1, cpus) }, (_, i) => block(i)).join('\n');
}
