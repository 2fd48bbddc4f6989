-- Headless Neovim (0.11+) end-to-end test of editors/nvim/lsp/copydesk.lua
-- against a real copydesk binary.
--
--   COPYDESK_BIN=/path/to/copydesk nvim --headless --clean -u NONE -l tests/editors/nvim_test.lua
--
-- Usually run through tests/editors/run-nvim.sh. Environment:
--   COPYDESK_BIN            copydesk binary (required)
--   COPYDESK_NVIM_ENCODING  utf-8 | utf-16 | utf-32: offer only that position
--                           encoding to the server (default: Neovim's own offer,
--                           utf-8 first, so a conforming server picks utf-8)
--   COPYDESK_NVIM_TIMEOUT   ms to wait for each server reaction (default 10000)
-- Prints one line per test and a summary `nvim (<encoding>): N ok, M failed`;
-- exits 1 if any test failed.
--
-- Fixture: tests/editors/fixtures/grain-deal.txt (0-based lines):
--   0  headline                          6  SHIPPING SCHEDULE (subhead)
--   2  BEIJING, Sept. 19 (Xinhua) -- ... 8  paragraph with CJK + unclosed “
--   4  “We expect ...” paragraph         10 PRICE OUTLOOK (subhead)
--                                        12 last paragraph
-- Line 8 is
--   The agreement, known in Chinese as 粮食协议, covers soybeans and corn carried
--   by 𠮷祥 Shipping. A Brazilian official said “the first cargoes will leave
--   Santos in October.
-- Column of the opening “ on line 8, by hand:
--   "The agreement, known in Chinese as " = 35 chars (ASCII);
--   粮食协议 = 4 chars (3 UTF-8 bytes, 1 UTF-16 unit each)      -> 39 chars
--   ", covers soybeans and corn carried by " = 38 ASCII          -> 77
--   𠮷 (U+20BB7: 4 bytes, 2 UTF-16 units), 祥 (3 bytes, 1 unit)  -> 79 chars
--   " Shipping. A Brazilian official said " = 37 ASCII           -> 116 chars
--   UTF-32: 116;  UTF-16: 116 + 1 (surrogate pair) = 117;
--   UTF-8: 116 + 4*2 (粮食协议) + 3 (𠮷) + 2 (祥) = 129 bytes.

local H = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:gsub('^@', ''), ':p:h') .. '/harness.lua')
local out, errout = H.out, H.errout
local repo, bin, forced_enc, TIMEOUT = H.repo, H.bin, H.forced_enc, H.TIMEOUT
local test, expect = H.test, H.expect
local wait_for, request = H.wait_for, H.request

H.check_bin('nvim_test')
if vim.fn.has('nvim-0.11') ~= 1 then
  errout('nvim_test: needs Neovim 0.11+, this is ' .. tostring(vim.version()))
  os.exit(2)
end
if forced_enc and not vim.tbl_contains({ 'utf-8', 'utf-16', 'utf-32' }, forced_enc) then
  errout('nvim_test: COPYDESK_NVIM_ENCODING must be utf-8, utf-16 or utf-32')
  os.exit(2)
end

-- Expected columns of the opening quote on line 8, per position encoding.
local QUOTE_COL = { ['utf-8'] = 129, ['utf-16'] = 117, ['utf-32'] = 116 }
-- After inserting 贸易 inside 粮食协议 (2 chars, 6 bytes, 2 UTF-16 units).
local QUOTE_COL_AFTER_EDIT = { ['utf-8'] = 135, ['utf-16'] = 119, ['utf-32'] = 118 }
local HEADLINE = 'China, Brazil sign grain deal as harvest outlook brightens'
local SECTIONS = { 'Lede', 'SHIPPING SCHEDULE', 'PRICE OUTLOOK' }

-- ---------------------------------------------------------------------------
-- harness (tests/editors/harness.lua) and what only this test watches
-- Every textDocument/publishDiagnostics, by URI: a client that pulls is pushed none.
local pushed = {}
do
  local push = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx)
    if result and result.uri then pushed[result.uri] = (pushed[result.uri] or 0) + 1 end
    return push(err, result, ctx)
  end
end
local select_calls = {}
vim.ui.select = function(items, _, on_choice)
  table.insert(select_calls, items)
  on_choice(nil)
end

local copydesk_diags = H.copydesk_diags

local function fmt_diags(diags)
  if #diags == 0 then return '    (none)' end
  local lines = {}
  for _, d in ipairs(diags) do
    local r = d.user_data and d.user_data.lsp and d.user_data.lsp.range
    table.insert(lines, string.format('    %s %d:%d (lsp %s) %q',
      tostring(d.code), d.lnum, d.col,
      r and string.format('%d:%d-%d:%d', r.start.line, r.start.character, r['end'].line, r['end'].character) or '?',
      d.message))
  end
  return table.concat(lines, '\n')
end

local function find_diag(buf, code)
  for _, d in ipairs(copydesk_diags(buf)) do
    if d.code == code then return d end
  end
end

local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if contents.kind then return contents.value end -- MarkupContent
  if contents.value then return contents.value end -- MarkedString {language, value}
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, hover_text(c)) end
  return table.concat(parts, '\n')
end

-- ---------------------------------------------------------------------------
-- setup: load the shipped config from editors/nvim, override only cmd/settings
H.setup({
  cmd = { bin, 'lsp' },
  settings = { copydesk = { style = 'xinhua' } },
})
local shipped = vim.api.nvim_get_runtime_file('lsp/copydesk.lua', false)[1]

-- Work on a copy in a temp project (with a .git root marker).
local dir = H.temp_project()
local fixture = repo .. '/tests/editors/fixtures/grain-deal.txt'
local path = dir .. '/grain-deal.txt'
vim.fn.writefile(vim.fn.readfile(fixture, 'b'), path, 'b')

out(string.format('nvim_test: %s, copydesk %s, offered encoding: %s',
  tostring(vim.version()), bin, forced_enc or 'default (utf-8, utf-16, utf-32)'))
vim.cmd.edit(vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
local client
local enc -- negotiated

-- ---------------------------------------------------------------------------
test('shipped config loads and server attaches (initialize handshake)', function()
  expect(shipped ~= nil, 'lsp/copydesk.lua not found on runtimepath (%s/editors/nvim)', repo)
  expect(vim.bo[buf].filetype == 'text', "fixture filetype is %q, expected 'text'", vim.bo[buf].filetype)
  local cfg = vim.lsp.config.copydesk
  expect(cfg and vim.deep_equal(cfg.filetypes, { 'text', 'markdown' }), 'filetypes: %s', vim.inspect(cfg and cfg.filetypes))
  client = wait_for(function()
    local c = vim.lsp.get_clients({ bufnr = buf, name = 'copydesk' })[1]
    return c and c.initialized and c or nil
  end)
  expect(client, 'no initialized copydesk client attached to the buffer within %d ms; notifications: %s',
    TIMEOUT, vim.inspect(H.notifications))
  expect(client.root_dir == dir, 'root_dir %s, expected %s (.git marker)', tostring(client.root_dir), dir)
  enc = client.offset_encoding
  local want = forced_enc or 'utf-8'
  expect(enc == want, 'negotiated position encoding %s, expected %s (server capabilities.positionEncoding = %s)',
    tostring(enc), want, tostring(client.server_capabilities.positionEncoding))
  local caps = client.server_capabilities
  local missing = {}
  for _, k in ipairs({ 'documentSymbolProvider', 'hoverProvider', 'codeActionProvider', 'foldingRangeProvider' }) do
    if not caps[k] then table.insert(missing, k) end
  end
  expect(#missing == 0, 'server capabilities missing: %s', table.concat(missing, ', '))
  local sync = caps.textDocumentSync
  local change = type(sync) == 'table' and sync.change or sync
  expect(change == 2, 'textDocumentSync.change = %s, expected 2 (incremental)', tostring(change))
end)

if not client then
  out(string.format('nvim (%s): %d ok, %d failed (server did not attach; later tests skipped)',
    forced_enc or 'default', H.passed, H.failed + 1))
  os.exit(1)
end

test('diagnostic quotes/unclosed at 8:' .. QUOTE_COL['utf-8'] .. ' (byte col after CJK + astral char)', function()
  local d = wait_for(function() return find_diag(buf, 'quotes/unclosed') end)
  expect(d, 'no quotes/unclosed diagnostic within %d ms; copydesk diagnostics:\n%s', TIMEOUT, fmt_diags(copydesk_diags(buf)))
  expect(d.lnum == 8 and d.col == QUOTE_COL['utf-8'],
    'quotes/unclosed at %d:%d (buffer bytes), expected 8:%d', d.lnum, d.col, QUOTE_COL['utf-8'])
  local r = d.user_data.lsp.range
  expect(r.start.line == 8 and r.start.character == QUOTE_COL[enc],
    'raw LSP range start %d:%d, expected 8:%d in %s', r.start.line, r.start.character, QUOTE_COL[enc], enc)
  expect(type(d.message) == 'string' and d.message ~= '', 'empty message')
  local others = {}
  for _, x in ipairs(copydesk_diags(buf)) do
    if tostring(x.code):match('^dateline/') then table.insert(others, x) end
  end
  expect(#others == 0, 'unexpected dateline diagnostics on a valid dateline:\n%s', fmt_diags(others))
end)

test('documentSymbol: article named by headline, children Lede + subheads', function()
  local res = request(client, buf, 'textDocument/documentSymbol',
    { textDocument = vim.lsp.util.make_text_document_params(buf) })
  expect(type(res) == 'table' and #res >= 1, 'empty documentSymbol result: %s', vim.inspect(res))
  local top = res[1]
  expect(top.children ~= nil, 'expected hierarchical DocumentSymbol[], got %s', vim.inspect(res))
  expect(top.name == HEADLINE, 'top symbol %q, expected the headline %q', tostring(top.name), HEADLINE)
  local names = {}
  for _, c in ipairs(top.children or {}) do table.insert(names, c.name) end
  expect(vim.deep_equal(names, SECTIONS), 'children %s, expected %s', vim.inspect(names), vim.inspect(SECTIONS))
  local shipping = top.children[2]
  expect(shipping.selectionRange.start.line == 6, 'SHIPPING SCHEDULE selectionRange starts on line %d, expected 6',
    shipping.selectionRange.start.line)
end)

test('foldingRange: sections fold', function()
  local res = request(client, buf, 'textDocument/foldingRange',
    { textDocument = vim.lsp.util.make_text_document_params(buf) })
  expect(type(res) == 'table' and #res > 0, 'no folding ranges: %s', vim.inspect(res))
  local starts = {}
  for _, r in ipairs(res) do
    expect(r.startLine <= r.endLine and r.endLine <= 13, 'bad folding range %s', vim.inspect(r))
    starts[r.startLine] = true
  end
  expect(starts[6] and starts[10], 'expected ranges starting at the subheads (lines 6, 10); got %s', vim.inspect(res))
end)

test('hover on the dateline shows its parsed parts', function()
  local res = request(client, buf, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    position = { line = 2, character = 3 },
  })
  expect(res and res.contents, 'no hover on the dateline (2:3): %s', vim.inspect(res))
  local text = hover_text(res.contents)
  local lower = text:lower()
  expect(lower:find('beijing', 1, true), 'hover lacks the place BEIJING:\n%s', text)
  expect(lower:find('xinhua', 1, true), 'hover lacks the credit Xinhua:\n%s', text)
  expect(lower:find('sept', 1, true), 'hover lacks the date (Sept./September):\n%s', text)
  expect(lower:find('19', 1, true), 'hover lacks the day 19:\n%s', text)
end)

test('semantic tokens colour places and organizations (first reference: declaration)', function()
  local caps = client.server_capabilities.semanticTokensProvider
  expect(caps and caps.legend, 'no semanticTokensProvider: %s', vim.inspect(client.server_capabilities))
  expect(vim.deep_equal(caps.legend.tokenTypes, { 'person', 'place', 'organization' }),
    'legend %s', vim.inspect(caps.legend))
  -- Neovim requests the tokens itself and keeps them per buffer; read them back where
  -- the fixture names a ministry (line 2) and a port after CJK and an astral char (line 8).
  local line2 = vim.api.nvim_buf_get_lines(buf, 2, 3, true)[1]
  local line8 = vim.api.nvim_buf_get_lines(buf, 8, 9, true)[1]
  local ministry = assert(line2:find('Ministry of Commerce', 1, true)) - 1
  local santos = assert(line8:find('Santos', 1, true)) - 1
  local function token(row, col)
    for _, t in ipairs(vim.lsp.semantic_tokens.get_at_pos(buf, row, col) or {}) do
      if t.client_id == client.id then return t end
    end
  end
  local org = wait_for(function() return token(2, ministry + 9) end)
  expect(org, 'no semantic token on "Ministry of Commerce" (2:%d)', ministry)
  expect(org.type == 'organization', 'token type %s, expected organization', tostring(org.type))
  expect(org.modifiers and org.modifiers.declaration, 'first reference lacks the declaration modifier: %s',
    vim.inspect(org.modifiers))
  expect(org.start_col == ministry and org.end_col == ministry + #'Ministry of Commerce',
    'organization token at %d..%d, expected %d..%d', org.start_col, org.end_col, ministry, ministry + 20)
  local place = token(8, santos)
  expect(place and place.type == 'place', 'Santos (8:%d) token %s', santos, vim.inspect(place))
  expect(place.start_col == santos and place.end_col == santos + 6,
    'Santos token at bytes %d..%d, expected %d..%d (columns after CJK and U+20BB7)',
    place.start_col, place.end_col, santos, santos + 6)
  expect(token(8, 0) == nil, 'a token at the start of line 8, which names nobody')
end)

test('edit: inserting a paragraph above moves the diagnostic to line 10', function()
  vim.api.nvim_buf_set_lines(buf, 7, 7, true, { 'Trade officials met for two days in Beijing.', '' })
  local d = wait_for(function()
    local x = find_diag(buf, 'quotes/unclosed')
    return x and x.lnum == 10 and x or nil
  end)
  expect(d, 'quotes/unclosed did not move to line 10; now:\n%s', fmt_diags(copydesk_diags(buf)))
  expect(d.col == QUOTE_COL['utf-8'], 'column %d after the move, expected %d', d.col, QUOTE_COL['utf-8'])
end)

test('edit inside the CJK word (incremental sync) shifts the column', function()
  -- 粮食协议 -> 粮食贸易协议: insert after 粮食 (byte 35 + 6 on line 10)
  local line = vim.api.nvim_buf_get_lines(buf, 10, 11, true)[1]
  local at = line:find('协议', 1, true)
  expect(at == 42, 'fixture changed? 协议 at byte %s', tostring(at))
  vim.api.nvim_buf_set_text(buf, 10, at - 1, 10, at - 1, { '贸易' })
  local d = wait_for(function()
    local x = find_diag(buf, 'quotes/unclosed')
    return x and x.lnum == 10 and x.col == QUOTE_COL_AFTER_EDIT['utf-8'] and x or nil
  end)
  expect(d, 'quotes/unclosed not at 10:%d after the edit; now:\n%s', QUOTE_COL_AFTER_EDIT['utf-8'],
    fmt_diags(copydesk_diags(buf)))
  local r = d.user_data.lsp.range
  expect(r.start.character == QUOTE_COL_AFTER_EDIT[enc], 'raw LSP character %d, expected %d (%s)',
    r.start.character, QUOTE_COL_AFTER_EDIT[enc], enc)
end)

test('settings: workspace/didChangeConfiguration rules change severity / turn a rule off', function()
  local function set_rules(rules)
    client.settings = vim.tbl_deep_extend('force', {}, client.settings or {})
    client.settings.copydesk = client.settings.copydesk or {}
    client.settings.copydesk.rules = rules
    client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  end
  local S = vim.diagnostic.severity
  set_rules({ ['quotes/*'] = 'hint' })
  local d = wait_for(function()
    local x = find_diag(buf, 'quotes/unclosed')
    return x and x.severity == S.HINT and x or nil
  end)
  expect(d, "after rules {'quotes/*': 'hint'}: quotes/unclosed not at severity hint; now:\n%s",
    fmt_diags(copydesk_diags(buf)))
  set_rules({ ['quotes/unclosed'] = 'off' })
  local gone = wait_for(function() return find_diag(buf, 'quotes/unclosed') == nil end)
  expect(gone, "after rules {'quotes/unclosed': 'off'}: still reported:\n%s", fmt_diags(copydesk_diags(buf)))
  set_rules(vim.empty_dict())
  d = wait_for(function()
    local x = find_diag(buf, 'quotes/unclosed')
    return x and x.severity ~= S.HINT and x or nil
  end)
  expect(d, 'after rules {}: quotes/unclosed did not come back at its default severity; now:\n%s',
    fmt_diags(copydesk_diags(buf)))
end)

test('quick fix via vim.lsp.buf.code_action inserts the closing quote', function()
  local d = find_diag(buf, 'quotes/unclosed')
  expect(d, 'no quotes/unclosed diagnostic to fix:\n%s', fmt_diags(copydesk_diags(buf)))
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
  -- What the server offers here (for the failure message).
  local offered = request(client, buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = d.user_data.lsp.range,
    context = { diagnostics = { d.user_data.lsp }, triggerKind = 1 },
  }) or {}
  local titles = {}
  for _, a in ipairs(offered) do table.insert(titles, string.format('%q (kind %s)', a.title, tostring(a.kind))) end
  -- The certain fix is the preferred one; the "Ignore ..." actions are offered too.
  local function is_fix(a)
    if not (a.kind and vim.startswith(a.kind, 'quickfix')) then return false end
    if not a.isPreferred then return false end
    for _, x in ipairs(a.diagnostics or {}) do
      if x.code == 'quotes/unclosed' then return true end
    end
    return (a.title or ''):lower():find('quot') ~= nil
  end
  H.notifications = {}
  vim.lsp.buf.code_action({ apply = true, filter = is_fix })
  local changed = wait_for(function()
    return not vim.deep_equal(vim.api.nvim_buf_get_lines(buf, 0, -1, true), before)
  end)
  expect(changed, 'buffer unchanged after code_action; server offered: [%s]; notifications: %s; ui.select calls: %d',
    table.concat(titles, ', '), vim.inspect(H.notifications), #select_calls)
  local want = 'The agreement, known in Chinese as 粮食贸易协议, covers soybeans and corn carried by 𠮷祥 Shipping.'
    .. ' A Brazilian official said “the first cargoes will leave Santos in October.”'
  local got = vim.api.nvim_buf_get_lines(buf, 10, 11, true)[1]
  expect(got == want, 'line 10 after the fix:\n    got  %q\n    want %q', got, want)
  local gone = wait_for(function() return find_diag(buf, 'quotes/unclosed') == nil end)
  expect(gone, 'quotes/unclosed still reported after the fix:\n%s', fmt_diags(copydesk_diags(buf)))
end)

test('edit: deleting the dateline brings dateline/missing', function()
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, true)[1]
  local prefix = 'BEIJING, Sept. 19 (Xinhua) -- '
  expect(vim.startswith(line, prefix), 'line 2 is %q', line)
  vim.api.nvim_buf_set_text(buf, 2, 0, 2, #prefix, {})
  local d = wait_for(function() return find_diag(buf, 'dateline/missing') end)
  expect(d, 'no dateline/missing after removing the dateline; now:\n%s', fmt_diags(copydesk_diags(buf)))
  expect(d.severity ~= nil, 'no severity')
end)


-- ---------------------------------------------------------------------------
-- Editing with the desk (issue 18), on a second story:
--   0  Brazil signs grain deal with China
--   2  BEIJING, Sept. 19 (Xinhua) -- Brazilian Agriculture Minister Tomás Ferreira signed ...
--   4  Ferreira said “the first cargoes will leave Santos in October.      (unclosed)
--   6  Ferriera added that soybean prices would rise.                      (near miss)
local story_path = dir .. '/grain-minister.txt'
vim.fn.writefile(vim.fn.readfile(repo .. '/tests/editors/fixtures/grain-minister.txt', 'b'), story_path, 'b')
vim.cmd.edit(vim.fn.fnameescape(story_path))
local sbuf = vim.api.nvim_get_current_buf()
local STORY_LINES = vim.api.nvim_buf_get_lines(sbuf, 0, -1, true)

test('pull diagnostics: diagnosticProvider announced, the story pulled, nothing pushed', function()
  expect(client.server_capabilities.diagnosticProvider, 'no diagnosticProvider: %s',
    vim.inspect(client.server_capabilities))
  local d = wait_for(function() return find_diag(sbuf, 'names/near-miss') end)
  expect(d, 'no names/near-miss on the second story:\n%s', fmt_diags(copydesk_diags(sbuf)))
  expect(find_diag(sbuf, 'quotes/unclosed'), 'no quotes/unclosed:\n%s', fmt_diags(copydesk_diags(sbuf)))
  local uris = {}
  for u in pairs(pushed) do
    if u:match('%.txt$') then table.insert(uris, u) end
  end
  expect(#uris == 0, 'diagnostics pushed to a pulling client for %s', table.concat(uris, ', '))
end)

test("source.fixAll via code_action({context={only={'source.fixAll'}}, apply=true})", function()
  local before = vim.api.nvim_buf_get_lines(sbuf, 0, -1, true)
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true })
  local changed = wait_for(function()
    return not vim.deep_equal(vim.api.nvim_buf_get_lines(sbuf, 0, -1, true), before)
  end)
  expect(changed, 'buffer unchanged after fix-all; notifications: %s; ui.select calls: %d',
    vim.inspect(H.notifications), #select_calls)
  local got = vim.api.nvim_buf_get_lines(sbuf, 0, -1, true)
  local want = vim.deepcopy(STORY_LINES)
  want[5] = 'Ferreira said “the first cargoes will leave Santos in October.”'
  want[7] = 'Ferreira added that soybean prices would rise.'
  expect(vim.deep_equal(got, want), 'after fix-all:\n    got  %s\n    want %s', vim.inspect(got), vim.inspect(want))
  local clean = wait_for(function() return #copydesk_diags(sbuf) == 0 end)
  expect(clean, 'findings left after fix-all:\n%s', fmt_diags(copydesk_diags(sbuf)))
end)

test('a stale fix-all edit is refused by version', function()
  vim.api.nvim_buf_set_lines(sbuf, 0, -1, true, STORY_LINES)
  wait_for(function() return find_diag(sbuf, 'names/near-miss') end)
  local res = request(client, sbuf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(sbuf),
    range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
    context = { diagnostics = {}, only = { 'source.fixAll' } },
  })
  local action = res and res[1]
  expect(action and action.edit and action.edit.documentChanges,
    'no versioned fix-all edit: %s', vim.inspect(res))
  -- The document moves on before the edit is applied.
  vim.api.nvim_buf_set_lines(sbuf, 0, 1, true, { 'Brazil and China sign grain deal' })
  local now = vim.api.nvim_buf_get_lines(sbuf, 0, -1, true)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local got = vim.api.nvim_buf_get_lines(sbuf, 0, -1, true)
  expect(vim.deep_equal(got, now), 'a stale edit was applied:\n%s', vim.inspect(got))
  vim.api.nvim_buf_set_lines(sbuf, 0, -1, true, STORY_LINES)
end)

local function add_name_action(title)
  return function(a)
    return a.command ~= nil and a.title == title
  end
end

test('Add to names file (code action, server command) writes copydesk.toml and re-checks', function()
  local toml = dir .. '/copydesk.toml'
  expect(vim.fn.filereadable(toml) == 0, 'copydesk.toml exists before the action')
  wait_for(function() return find_diag(sbuf, 'names/near-miss') end)
  -- Two quick actions in a row: the near-miss spelling, then the minister's full name.
  vim.api.nvim_win_set_cursor(0, { 7, 3 })
  vim.lsp.buf.code_action({ apply = true, filter = add_name_action('Add “Ferriera” to the names file') })
  vim.api.nvim_win_set_cursor(0, { 3, 66 })
  vim.lsp.buf.code_action({ apply = true, filter = add_name_action('Add “Tomás Ferreira” to the names file') })
  local text = wait_for(function()
    if vim.fn.filereadable(toml) == 0 then return nil end
    local t = table.concat(vim.fn.readfile(toml), '\n')
    return t:find('Ferriera', 1, true) and t:find('Tomás Ferreira', 1, true) and t or nil
  end)
  expect(text, 'copydesk.toml lacks an entry: %s; notifications: %s',
    vim.fn.filereadable(toml) == 1 and table.concat(vim.fn.readfile(toml), '\n') or '(none)', vim.inspect(H.notifications))
  expect(text:find('[[names.entry]]', 1, true), 'not in [names]:\n%s', text)
  -- Re-checked (refresh, then pull): Ferriera is a known name now.
  local gone = wait_for(function() return find_diag(sbuf, 'names/near-miss') == nil end)
  expect(gone, 'names/near-miss still reported after adding the name:\n%s', fmt_diags(copydesk_diags(sbuf)))
end)

test('Add to names file on a read-only names file: an error, nothing changed', function()
  local toml = dir .. '/copydesk.toml'
  local before = vim.fn.readfile(toml, 'b')
  vim.uv.fs_chmod(toml, tonumber('444', 8))
  H.notifications = {}
  vim.api.nvim_win_set_cursor(0, { 5, 18 })
  local res = request(client, sbuf, 'workspace/executeCommand', {
    command = 'copydesk.addName', arguments = { { name = 'Santos Port Authority', kind = 'organization' } },
  })
  expect(res == vim.NIL or res == nil, 'result %s', vim.inspect(res))
  local msg = wait_for(function()
    for _, n in ipairs(H.notifications) do
      if n:find('read-only', 1, true) then return n end
    end
  end)
  vim.uv.fs_chmod(toml, tonumber('644', 8))
  expect(msg, 'no read-only error shown; notifications: %s', vim.inspect(H.notifications))
  expect(msg:find('[' .. tostring(vim.log.levels.ERROR) .. ']', 1, true), 'not an error: %s', msg)
  expect(vim.deep_equal(vim.fn.readfile(toml, 'b'), before), 'copydesk.toml changed')
end)

test('completion: a name from the story after two capital letters, applied', function()
  local n = vim.api.nvim_buf_line_count(sbuf)
  vim.api.nvim_buf_set_lines(sbuf, n, n, true, { '', 'To' })
  local res = request(client, sbuf, 'textDocument/completion', {
    textDocument = vim.lsp.util.make_text_document_params(sbuf),
    position = { line = n + 1, character = 2 },
    context = { triggerKind = 1 },
  })
  local items = res and (res.items or res) or {}
  local item
  for _, i in ipairs(items) do
    if i.label == 'Tomás Ferreira' then item = i end
  end
  expect(item, 'no “Tomás Ferreira” among %s', vim.inspect(vim.tbl_map(function(i) return i.label end, items)))
  expect(tostring(item.detail):find('person', 1, true), 'detail %s', tostring(item.detail))
  expect(item.documentation and item.documentation.value:find('First reference, line 3', 1, true),
    'documentation %s', vim.inspect(item.documentation))
  vim.lsp.util.apply_text_edits({ item.textEdit }, sbuf, client.offset_encoding)
  local got = vim.api.nvim_buf_get_lines(sbuf, n + 1, n + 2, true)[1]
  expect(got == 'Tomás Ferreira', 'line after completion: %q', got)
  -- Inside the open quotation (line 4, after “Sa” of Santos): nothing offered automatically.
  local line4 = vim.api.nvim_buf_get_lines(sbuf, 4, 5, true)[1]
  local col = line4:find('Santos', 1, true) + 1
  local pos = vim.lsp.util.make_position_params(0, client.offset_encoding)
  vim.api.nvim_win_set_cursor(0, { 5, col })
  pos = vim.lsp.util.make_position_params(0, client.offset_encoding)
  pos.context = { triggerKind = 3 }
  local inside = request(client, sbuf, 'textDocument/completion', pos)
  expect(inside == nil or inside == vim.NIL, 'completion inside a quotation: %s', vim.inspect(inside))
end)

test('inlay hints: “· China” after BEIJING; turned off in the settings (refresh)', function()
  vim.lsp.inlay_hint.enable(true, { bufnr = sbuf })
  local function labels()
    local out = {}
    for _, h in ipairs(vim.lsp.inlay_hint.get({ bufnr = sbuf })) do
      local l = h.inlay_hint.label
      if type(l) == 'table' then l = table.concat(vim.tbl_map(function(p) return p.value end, l)) end
      table.insert(out, string.format('%d:%d %s', h.inlay_hint.position.line, h.inlay_hint.position.character, l))
    end
    return out
  end
  local got = wait_for(function()
    local ls = labels()
    return vim.tbl_contains(ls, '2:7 · China') and ls or nil
  end)
  expect(got, 'no “· China” hint at 2:7; hints: %s', vim.inspect(labels()))
  client.settings = vim.tbl_deep_extend('force', {}, client.settings or {})
  client.settings.copydesk = client.settings.copydesk or {}
  client.settings.copydesk.inlayHints = { places = false }
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  local gone = wait_for(function() return not vim.tbl_contains(labels(), '2:7 · China') end)
  expect(gone, 'place hint still shown after inlayHints.places = false: %s', vim.inspect(labels()))
  client.settings.copydesk.inlayHints = nil
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
end)

test('code lens “N mentions” over the first reference runs copydesk.showReferences (quickfix)', function()
  local lenses = request(client, sbuf, 'textDocument/codeLens',
    { textDocument = vim.lsp.util.make_text_document_params(sbuf) }) or {}
  local lens
  for _, l in ipairs(lenses) do
    if l.range.start.line == 2 and l.command and l.command.title:match('^%d+ mentions?') then lens = l end
  end
  expect(lens, 'no lens on line 2: %s', vim.inspect(lenses))
  expect(lens.command.command == 'copydesk.showReferences', 'command %s', lens.command.command)
  vim.fn.setqflist({}, 'r')
  client:exec_cmd(lens.command, { bufnr = sbuf })
  local items = wait_for(function()
    local q = vim.fn.getqflist()
    return #q > 0 and q or nil
  end)
  expect(items, 'quickfix list empty after running the lens')
  local n = tonumber(lens.command.title:match('^(%d+)'))
  expect(#items >= n, '%d quickfix items for “%s”', #items, lens.command.title)
  vim.cmd('cclose')
end)

-- ---------------------------------------------------------------------------
-- Issue 18, the rest: furniture completion, story facts, slug/word-count, on a new story
-- of the same folder (Xinhua style from the settings; the place from the folder's
-- other stories, whose datelines are BEIJING).
local AP_MONTHS = { 'Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.',
  'Oct.', 'Nov.', 'Dec.' }
local function today_xinhua()
  local d = os.date('!*t')
  return AP_MONTHS[d.month] .. ' ' .. d.day
end
local new_path = dir .. '/new-story.txt'
local nbuf

local function completion_items(b, line, character)
  local res = request(client, b, 'textDocument/completion', {
    textDocument = vim.lsp.util.make_text_document_params(b),
    position = { line = line, character = character },
    context = { triggerKind = 1 },
  })
  return (res and (res.items or res)) or {}
end

test('dateline snippet on an empty lede: the folder’s place, today, Xinhua credit (snippet expanded)', function()
  vim.cmd.edit(vim.fn.fnameescape(new_path))
  nbuf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(nbuf, 0, -1, true, { 'Brazil’s “soy” ships leave Santos 🚢 for 天津', '', '' })
  expect(wait_for(function() return client.attached_buffers[nbuf] end), 'client not attached to the new story')
  local item = wait_for(function()
    for _, i in ipairs(completion_items(nbuf, 2, 0)) do
      if i.detail == 'Xinhua dateline' and i.textEdit.newText:find('BEIJING', 1, true) then return i end
    end
  end)
  expect(item, 'no Xinhua dateline with BEIJING at 2:0: %s', vim.inspect(completion_items(nbuf, 2, 0)))
  expect(item.insertTextFormat == 2, 'not a snippet (Neovim takes snippets): %s', vim.inspect(item))
  local want = '${1:BEIJING}, ${2:' .. today_xinhua() .. '} (Xinhua) -- $0'
  expect(item.textEdit.newText == want, 'snippet %q, expected %q', item.textEdit.newText, want)
  -- Expanded as Neovim's completion would (vim.snippet), then typed on.
  vim.api.nvim_win_set_cursor(0, { 3, 0 })
  vim.snippet.expand(item.textEdit.newText)
  vim.snippet.stop()
  vim.cmd('stopinsert')
  local line = vim.api.nvim_buf_get_lines(nbuf, 2, 3, true)[1]
  expect(line == 'BEIJING, ' .. today_xinhua() .. ' (Xinhua) -- ', 'line after the snippet: %q', line)
  vim.api.nvim_buf_set_lines(nbuf, 2, 3, true,
    { line .. 'Three ships carrying 180,000 tonnes of 大豆 left the port of Santos on Monday.' })
end)

test('end mark after the last paragraph: Enditem (Xinhua), applied and read as the end', function()
  local n = vim.api.nvim_buf_line_count(nbuf)
  vim.api.nvim_buf_set_lines(nbuf, n, n, true, { '', '' })
  local items = completion_items(nbuf, n + 1, 0)
  local labels = vim.tbl_map(function(i) return i.label end, items)
  expect(vim.deep_equal(labels, { 'Enditem' }), 'end forms offered: %s', vim.inspect(labels))
  vim.lsp.util.apply_text_edits({ items[1].textEdit }, nbuf, client.offset_encoding)
  local got = vim.api.nvim_buf_get_lines(nbuf, n + 1, n + 2, true)[1]
  expect(got == 'Enditem', 'line after completion: %q', got)
  -- Nothing more to offer after it.
  vim.api.nvim_buf_set_lines(nbuf, -1, -1, true, { '', '' })
  local after = completion_items(nbuf, vim.api.nvim_buf_line_count(nbuf) - 1, 0)
  expect(#after == 0, 'offered after the end mark: %s', vim.inspect(after))
end)

local function headline_lens(b)
  local lenses = request(client, b, 'textDocument/codeLens',
    { textDocument = vim.lsp.util.make_text_document_params(b) }) or {}
  for _, l in ipairs(lenses) do
    if l.range.start.line == 0 and l.command and l.command.title:find(' words · ', 1, true) then return l end
  end
end

test('story facts: code lens and hover on the headline; codeLens.storyFacts = false hides the lens', function()
  vim.cmd.buffer(sbuf)
  vim.api.nvim_buf_set_lines(sbuf, 0, -1, true, STORY_LINES)
  -- 17 + 10 + 7 words (`--` is none); the unclosed quotation; Ferreira said it.
  local want = '34 words · 3 paragraphs · 1 quotation · 1 person quoted · 1 min read'
  local lens = wait_for(function() return headline_lens(sbuf) end)
  expect(lens and lens.command.title == want, 'headline lens %s, expected %q', vim.inspect(lens), want)
  vim.api.nvim_win_set_cursor(0, { 1, 4 })
  local h = request(client, sbuf, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local text = h and hover_text(h.contents) or ''
  expect(text:find('**Story facts**', 1, true) and text:find(want, 1, true), 'hover on the headline:\n%s', text)
  client.settings.copydesk.codeLens = { storyFacts = false }
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  local gone = wait_for(function() return headline_lens(sbuf) == nil end)
  expect(gone, 'story-facts lens still given after codeLens.storyFacts = false')
  client.settings.copydesk.codeLens = nil
  client:notify('workspace/didChangeConfiguration', { settings = client.settings })
end)

test('slug/word-count: a slug count 10 % off the body, fixed by its code action', function()
  vim.cmd.buffer(nbuf)
  vim.api.nvim_buf_set_lines(nbuf, 0, 0, true, { 'BC-Brazil-Soy,400' })
  local d = wait_for(function() return find_diag(nbuf, 'slug/word-count') end)
  expect(d, 'no slug/word-count:\n%s', fmt_diags(copydesk_diags(nbuf)))
  expect(d.lnum == 0 and d.col == 14, 'at %d:%d, expected 0:14', d.lnum, d.col)
  vim.api.nvim_win_set_cursor(0, { 1, 15 })
  vim.lsp.buf.code_action({ apply = true, filter = function(a) return a.title:find('body’s count', 1, true) or a.title:find("body's count", 1, true) end })
  local fixed = wait_for(function()
    local l = vim.api.nvim_buf_get_lines(nbuf, 0, 1, true)[1]
    return l ~= 'BC-Brazil-Soy,400' and l or nil
  end)
  expect(fixed == 'BC-Brazil-Soy,18', 'slug after the fix: %s', tostring(fixed))
  local gone = wait_for(function() return find_diag(nbuf, 'slug/word-count') == nil end)
  expect(gone, 'slug/word-count still reported after the fix')
end)

test('rule sheet: saved from Neovim, live in the story within a second (server-side watch)', function()
  -- Neovim offers no didChangeWatchedFiles on Linux: the server watches its files itself.
  vim.fn.mkdir(dir .. '/style', 'p')
  vim.fn.writefile({ '[[rule]]', 'code = "desk/soybeans"', 'message = "say soya"',
    'forbid = ["soybeans"]' }, dir .. '/style/desk.toml')
  local t = vim.uv.hrtime()
  vim.fn.writefile({ 'sheets = ["style/desk.toml"]' }, dir .. '/copydesk.toml')
  local d = wait_for(function() return find_diag(buf, 'desk/soybeans') end, 1000)
  local ms = (vim.uv.hrtime() - t) / 1e6
  expect(d, 'desk/soybeans not reported within 1 s of writing copydesk.toml; now:\n%s',
    fmt_diags(copydesk_diags(buf)))
  -- Edit the sheet in Neovim and :write it, as a desk editor would.
  vim.cmd.edit(vim.fn.fnameescape(dir .. '/style/desk.toml'))
  local sheet_buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(sheet_buf, 0, -1, true, { '[[rule]]', 'code = "desk/corn"',
    'message = "say maize"', 'forbid = ["corn"]' })
  t = vim.uv.hrtime()
  vim.cmd("silent write")
  vim.cmd.buffer(buf)
  local corn = wait_for(function() return find_diag(buf, 'desk/corn') end, 1000)
  local ms2 = (vim.uv.hrtime() - t) / 1e6
  expect(corn, 'desk/corn not reported within 1 s of :write; now:\n%s', fmt_diags(copydesk_diags(buf)))
  expect(find_diag(buf, 'desk/soybeans') == nil, 'the old rule is still reported')
  out(string.format('        (live after %.0f ms and %.0f ms)', ms, ms2))
end)

-- ---------------------------------------------------------------------------
H.finish(client, dir, enc or forced_enc or 'default')
