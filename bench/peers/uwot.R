# uwot (Debian's r-cran-uwot) on a float32 .npy matrix: Rscript uwot.R IN.npy OUT.npy SEED
# Prints {"seconds": ...} for the fit alone. Parameters are uwot's own defaults where embex's
# are umap-learn's (15 neighbours, min_dist 0.1, cosine, 200 epochs above 10,000 rows, spectral
# start), and its repulsion of 1 where embex pushes twice as hard (decision record 0021);
# Annoy neighbours; 2 threads for the neighbours and the optimisation, as the machine has.
args <- commandArgs(trailingOnly = TRUE)
source <- args[1]; target <- args[2]; seed <- as.integer(args[3])

read_npy <- function(path) {
  con <- file(path, "rb"); on.exit(close(con))
  readBin(con, "raw", 8)
  header_length <- readBin(con, "integer", n = 1, size = 2, signed = FALSE, endian = "little")
  header <- rawToChar(readBin(con, "raw", header_length))
  shape <- as.integer(strsplit(sub(".*\\((\\d+), *(\\d+)\\).*", "\\1 \\2", header), " ")[[1]])
  values <- readBin(con, "numeric", n = shape[1] * shape[2], size = 4, endian = "little")
  matrix(values, nrow = shape[1], ncol = shape[2], byrow = TRUE)
}

write_npy <- function(path, m) {
  con <- file(path, "wb"); on.exit(close(con))
  header <- sprintf("{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", nrow(m), ncol(m))
  padding <- 64 - (10 + nchar(header) + 1) %% 64
  header <- paste0(header, strrep(" ", padding), "\n")
  writeBin(as.raw(c(0x93, charToRaw("NUMPY"), 1, 0)), con)
  writeBin(as.integer(nchar(header)), con, size = 2, endian = "little")
  writeBin(charToRaw(header), con)
  writeBin(as.vector(t(m)), con, size = 4, endian = "little")
}

data <- read_npy(source)
set.seed(seed)
started <- Sys.time()
embedding <- uwot::umap(data, n_neighbors = 15, min_dist = 0.1, metric = "cosine", init = "spectral",
                        n_threads = 2, n_sgd_threads = 2, verbose = FALSE)
seconds <- as.numeric(difftime(Sys.time(), started, units = "secs"))
write_npy(target, embedding)
cat(sprintf("{\"seconds\": %f}\n", seconds))
