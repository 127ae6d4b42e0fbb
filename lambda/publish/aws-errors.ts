// The AWS SDK says `UnknownError` for a wrong bucket and "Could not load credentials from any providers" with no
// fix; people publishing need the bucket, the cause and the fix in one line.

/** An S3 failure as a person can act on it: what went wrong with which bucket, and the fix. */
export function translateAwsError(error: unknown, bucket: string, action: string): Error {
  const e = error as { name?: string; Code?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.Code ?? e.name ?? "";
  const status = e.$metadata?.httpStatusCode;
  const where = `s3://${bucket}`;
  const say = (text: string) => new Error(`publish: ${action} ${where} failed: ${text}`, { cause: error });
  if (name === "NoSuchBucket") return say("no such bucket (fix: pass the stack output AudioBucketName to --bucket, and check --region)");
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(e.message ?? "")) {
    return say("no AWS credentials found (fix: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`)");
  }
  if (name === "AccessDenied" || name === "Forbidden" || status === 403) {
    return say("access denied (fix: use credentials allowed s3:ListBucket and s3:PutObject on this bucket, e.g. the deploy role)");
  }
  if (name === "InvalidAccessKeyId" || name === "SignatureDoesNotMatch") {
    return say(`the credentials were rejected (${name}) (fix: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile)`);
  }
  if (name === "PermanentRedirect" || name === "AuthorizationHeaderMalformed" || status === 301) {
    return say("the bucket is in another region (fix: pass its region with --region)");
  }
  if (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || name === "TimeoutError") {
    return say(`cannot reach S3 (${e.code ?? name}) (fix: check the network, or --endpoint)`);
  }
  return say(`${name || "error"}: ${e.message ?? String(error)}`);
}
