// What the candidate sees about an upload: the short code, large and clear (with a
// terminal QR code of it), and what happened to the report.
#pragma once

#include <cstdio>
#include <string>

#include "reports/upload/upload.h"
#include "reports/upload/upload_queue.h"

namespace examready::app {

// Prints the code framed, plus a QR code drawn with half blocks when `tty`.
void print_code_banner(std::FILE* out, const std::string& code, bool tty);

void print_upload_outcome(std::FILE* out, const std::string& report_id,
                          const reports::UploadOutcome& outcome);

// After a flush: says so when the oldest refused reports were removed from rejected/.
void print_rejected_dropped(std::FILE* out, const reports::FlushResult& result,
                            const reports::UploadQueue& queue);

// Uploader options from --server/--ca-file (server from EXAMREADY_SERVER when empty),
// with retry progress printed on `out`. Throws UsageError without a server.
reports::UploadOptions make_upload_options(const std::string& server, const std::string& ca_file,
                                           int attempts, std::FILE* out);

}  // namespace examready::app
