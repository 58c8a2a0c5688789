// The `os` check on the local machine: family, name, version, kernel and architecture.
#include "probe/os.h"

#include "platform/os_facts.h"

namespace examready::probe {

Outcome run_os_check(CheckContext& ctx) {
  std::string error;
  const auto facts = platform::read_os_facts(ctx.host(), error);
  if (!facts) return Outcome::error(error);
  ctx.emit(MetricId::kOsFamily, facts->family, facts->source);
  if (!facts->name.empty()) ctx.emit(MetricId::kOsName, facts->name, facts->source);
  if (!facts->version.empty()) ctx.emit(MetricId::kOsVersion, facts->version, facts->source);
  if (!facts->kernel.empty()) ctx.emit(MetricId::kOsKernel, facts->kernel, facts->kernel_source);
  if (!facts->arch.empty()) ctx.emit(MetricId::kOsArch, facts->arch, facts->kernel_source);
  return Outcome::ok(facts->note);
}

}  // namespace examready::probe
