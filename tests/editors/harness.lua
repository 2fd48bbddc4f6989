-- The harness the headless Neovim tests share (nvim_test.lua, nvim_workspace_test.lua):
-- environment, test/expect/fail, waiting, synchronous requests, diagnostics, setup of the
-- shipped config and the summary line. Each test loads it with
--   local H = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:gsub('^@', ''), ':p:h') .. '/harness.lua')
-- Environment: COPYDESK_BIN (required), COPYDESK_NVIM_ENCODING, COPYDESK_NVIM_TIMEOUT
-- (see nvim_test.lua).

local H = {}

H.t0 = vim.uv.hrtime()
function H.out(s) io.stdout:write(s .. '\n') end
function H.errout(s) io.stderr:write(s .. '\n') end

local here = debug.getinfo(1, 'S').source:gsub('^@', '')
H.repo = vim.fn.fnamemodify(here, ':p:h:h:h')
H.bin = os.getenv('COPYDESK_BIN')
H.forced_enc = os.getenv('COPYDESK_NVIM_ENCODING')
if H.forced_enc == '' then H.forced_enc = nil end
H.TIMEOUT = tonumber(os.getenv('COPYDESK_NVIM_TIMEOUT') or '') or 10000

-- Exits 2 (with `name:` before the message) when COPYDESK_BIN is unusable.
function H.check_bin(name)
  if not H.bin or H.bin == '' or vim.fn.executable(H.bin) ~= 1 then
    H.errout(name .. ': COPYDESK_BIN is not set or not executable: ' .. tostring(H.bin))
    os.exit(2)
  end
end

-- ---------------------------------------------------------------------------
-- tests
H.passed, H.failed = 0, 0
H.failures = {}

function H.fail(msg, ...)
  error(string.format(msg, ...), 2)
end
function H.expect(cond, msg, ...)
  if not cond then error(string.format(msg, ...), 2) end
end

function H.test(name, fn)
  local ok, err = xpcall(fn, function(e)
    if type(e) == 'string' then return e end
    return vim.inspect(e)
  end)
  if ok then
    H.passed = H.passed + 1
    H.out('  ok    ' .. name)
  else
    H.failed = H.failed + 1
    table.insert(H.failures, name)
    H.out('  FAIL  ' .. name)
    for line in tostring(err):gmatch('[^\n]+') do H.out('        ' .. line) end
  end
end

-- Every vim.notify message, as '[level] message' (a test may reset the list).
H.notifications = {}
vim.notify = function(msg, level)
  table.insert(H.notifications, string.format('[%s] %s', tostring(level), tostring(msg)))
end

-- Waits until pred() is truthy; returns its value or nil on timeout.
function H.wait_for(pred, timeout)
  local val
  vim.wait(timeout or H.TIMEOUT, function()
    val = pred()
    return val
  end, 20)
  return val
end

function H.request(client, buf, method, params)
  local resp, err = client:request_sync(method, params, H.TIMEOUT, buf)
  if not resp then H.fail('%s: no response (%s)', method, tostring(err)) end
  if resp.err then H.fail('%s: error response %s', method, vim.inspect(resp.err)) end
  return resp.result
end

-- copydesk's diagnostics on buf (of `code` only, if given), by position.
function H.copydesk_diags(buf, code)
  local res = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'copydesk' and (code == nil or d.code == code) then table.insert(res, d) end
  end
  table.sort(res, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return res
end

-- ---------------------------------------------------------------------------
-- setup: the shipped config from editors/nvim, with `override` (cmd, settings) and the
-- position encoding of COPYDESK_NVIM_ENCODING, if set, as the only one offered.
function H.setup(override)
  vim.opt.runtimepath:prepend(H.repo .. '/editors/nvim')
  vim.cmd('filetype on')
  vim.opt.swapfile = false
  vim.opt.shortmess:append('F')
  if H.forced_enc then
    override.capabilities = { general = { positionEncodings = { H.forced_enc } } }
  end
  vim.lsp.config('copydesk', override)
  vim.lsp.enable('copydesk')
end

-- A temp project folder with a .git root marker.
function H.temp_project()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir .. '/.git', 'p')
  return dir
end

-- Stops the client, removes the project, prints the failures and the summary
-- `nvim (<label>): N ok, M failed in S s` and exits 1 on any failure.
function H.finish(client, dir, label)
  pcall(function() client:stop() end)
  vim.wait(2000, function() return client:is_stopped() end, 20)
  vim.fn.delete(dir, 'rf')
  local secs = (vim.uv.hrtime() - H.t0) / 1e9
  if H.failed > 0 then
    H.out('failed: ' .. table.concat(H.failures, '; '))
  end
  H.out(string.format('nvim (%s): %d ok, %d failed in %.1fs', label, H.passed, H.failed, secs))
  os.exit(H.failed == 0 and 0 or 1)
end

return H
