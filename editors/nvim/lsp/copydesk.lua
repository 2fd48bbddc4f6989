-- copydesk language server: news wire copy checker.
-- Neovim 0.11+: put this directory's parent (editors/nvim) on 'runtimepath'
-- and call `vim.lsp.enable('copydesk')`. Override fields with
-- `vim.lsp.config('copydesk', { ... })`, e.g. cmd or settings.
--
-- Settings shape (also accepted by the server without the `copydesk` key):
--   copydesk = {
--     style = 'ap' | 'upi' | 'reuters' | 'afp' | 'xinhua' | 'bloomberg' | 'generic',
--     rules = { ['quotes/*'] = 'warning', ['dateline/missing'] = 'off' },
--     namesFile = '/path/to/names.txt',
--   }
-- They are sent as initializationOptions (unless init_options is set) and via
-- workspace/didChangeConfiguration; workspace/configuration is answered from them too.
--
-- Editing with the desk (see editors/nvim/README.md):
--   fix all:   vim.lsp.buf.code_action({ context = { only = { 'source.fixAll' } }, apply = true })
--   add name:  vim.lsp.buf.code_action() on a name -> "Add “…” to the names file"
--              (runs the server command copydesk.addName)
--   pull diagnostics: this config announces workspace.diagnostics.refreshSupport and
--              answers workspace/diagnostic/refresh (Neovim 0.11 has no handler for it),
--              so the server lets Neovim pull diagnostics instead of pushing them.

--- workspace/diagnostic/refresh: pull again for every buffer the client is attached to.
local function diagnostic_refresh(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client then
    for bufnr in pairs(client.attached_buffers) do
      if vim.api.nvim_buf_is_loaded(bufnr) then
        client:request('textDocument/diagnostic', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, nil, bufnr)
      end
    end
  end
  return vim.NIL
end

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'copydesk.toml', '.git' },
  settings = {
    copydesk = vim.empty_dict(),
  },
  capabilities = {
    workspace = { diagnostics = { refreshSupport = true } },
  },
  handlers = {
    ['workspace/diagnostic/refresh'] = diagnostic_refresh,
  },
  commands = {
    -- The code lens over a name's first reference runs this: the server's
    -- copydesk.references command gives the mentions, listed in the quickfix list.
    ['copydesk.showReferences'] = function(cmd, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      if not client then return end
      client:request('workspace/executeCommand', { command = 'copydesk.references', arguments = cmd.arguments },
        function(err, result)
          if err or not result then return end
          local items = vim.lsp.util.locations_to_items(result, client.offset_encoding)
          vim.fn.setqflist({}, ' ', { title = 'copydesk: ' .. (cmd.title or 'references'), items = items })
          vim.cmd('botright copen')
        end, ctx.bufnr)
    end,
  },
  before_init = function(params, config)
    if params.initializationOptions == nil or vim.tbl_isempty(params.initializationOptions) then
      params.initializationOptions = config.settings
    end
  end,
}
