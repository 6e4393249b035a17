import { getModel } from "../../lib/model.js";

export default {
  pagination: {
    data: "digest.articles",
    size: 1,
    alias: "chunk",
    before: (_articles, data) => getModel(data.digest).sourceChunks,
  },
  permalink: (data) => `${data.chunk.url}index.html`,
};
