-- wrk script: every request is a fresh POST /sms signed as ACS clients sign it (HMAC-SHA256 over method, path and
-- query, x-ms-date, Host and the body's SHA-256), computed with the libcrypto wrk itself is linked against.
--   wrk ... -s signed-send.lua https://127.0.0.1:PORT -- <base64 key> <recipients per request> [repeatable|plain]
-- "repeatable" (the default) gives each recipient a fresh repeatabilityRequestId and the current first-sent time,
-- as the Azure SDKs send; "plain" sends none, so bodies differ only in their recipients.
local ffi = require("ffi")
ffi.cdef [[
unsigned char *SHA256(const unsigned char *d, size_t n, unsigned char *md);
const void *EVP_sha256(void);
unsigned char *HMAC(const void *md, const void *key, int key_len, const unsigned char *d, size_t n,
                    unsigned char *out, unsigned int *out_len);
int EVP_EncodeBlock(unsigned char *t, const unsigned char *f, int n);
int EVP_DecodeBlock(unsigned char *t, const unsigned char *f, int n);
]]
local C = ffi.C

local digest = ffi.new("unsigned char[32]")
local digest_len = ffi.new("unsigned int[1]")
local encoded = ffi.new("unsigned char[64]")

local function base64(bytes, n)
  local len = C.EVP_EncodeBlock(encoded, bytes, n)
  return ffi.string(encoded, len)
end

local path = "/sms?api-version=2021-03-07"
local key, key_len, recipients, repeatable, host, prefix
local counter = 0
local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

function init(args)
  local key_text = args[1]
  recipients = tonumber(args[2] or "1")
  repeatable = (args[3] or "repeatable") == "repeatable"
  local raw = ffi.new("unsigned char[?]", #key_text)
  local n = C.EVP_DecodeBlock(raw, key_text, #key_text)
  local pad = select(2, key_text:gsub("=", ""))
  key, key_len = raw, n - pad
  host = wrk.host .. ":" .. wrk.port
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  prefix = string.format("%08x-%04x-%04x", math.random(0, 0x7fffffff), thread_id or 0, math.random(0, 0xffff))
end

local last_second, now_text
local function now()
  local second = os.time()
  if second ~= last_second then
    last_second = second
    now_text = os.date("!%a, %d %b %Y %H:%M:%S GMT", second)
  end
  return now_text
end

function request()
  local date = now()
  local parts = {}
  for i = 1, recipients do
    local to = string.format("+1425555%04d", math.random(0, 9999))
    if repeatable then
      counter = counter + 1
      parts[i] = string.format('{"to":"%s","repeatabilityRequestId":"%s-%012x","repeatabilityFirstSent":"%s"}',
          to, prefix, counter, date)
    else
      parts[i] = '{"to":"' .. to .. '"}'
    end
  end
  local body = '{"from":"+18005550100","smsRecipients":[' .. table.concat(parts, ",")
      .. '],"message":"Your verification code is 123456. It expires in 10 minutes.",'
      .. '"smsSendOptions":{"enableDeliveryReport":true,"tag":"bench"}}'
  C.SHA256(body, #body, digest)
  local hash = base64(digest, 32)
  local to_sign = "POST\n" .. path .. "\n" .. date .. ";" .. host .. ";" .. hash
  C.HMAC(C.EVP_sha256(), key, key_len, to_sign, #to_sign, digest, digest_len)
  local signature = base64(digest, 32)
  return wrk.format("POST", path, {
    ["Host"] = host,
    ["Content-Type"] = "application/json",
    ["x-ms-date"] = date,
    ["x-ms-content-sha256"] = hash,
    ["Authorization"] = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" .. signature,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d errors (connect %d, read %d, write %d, status %d, timeout %d)\n",
      summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write,
      summary.errors.status, summary.errors.timeout))
end
