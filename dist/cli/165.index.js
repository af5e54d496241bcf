const oe=165,se=[165],ae={5037:((P,I,f)=>{f.d(I,{UY:()=>te});var p=f(1421),x=f(9735),b=f(6856),k=f(9988);const i=k.E.plugin(x.L,b.A);function _(e){const t=e.maxRateLimitRetries??2;return new i({auth:e.token,baseUrl:e.baseUrl.replace(/\/+$/,""),userAgent:e.userAgent??"gh-retry",log:{debug:()=>{},info:()=>{},warn:()=>{},error:()=>{}},throttle:{onRateLimit:(n,r,o,s)=>s<t,onSecondaryRateLimit:(n,r,o,s)=>s<t}})}function c(e){if(typeof e!="object"||e===null||!("status"in e))return null;const{status:t}=e;if(typeof t!="number")return null;const n=e.response?.data,r=typeof n=="object"&&n!==null&&"message"in n&&typeof n.message=="string"?n.message:null;return{status:t,message:r??(e instanceof Error?e.message:`HTTP ${t}`)}}async function h(e){try{return await e()}catch(t){if(c(t)?.status===404)return null;throw t}}function g(e){return{id:e.id,name:e.name,headSha:e.head_sha,externalId:e.external_id,appId:e.app?.id??null,conclusion:e.conclusion,output:{title:e.output.title??"",summary:e.output.summary??"",text:e.output.text??""}}}function C(e){return{...e.name===void 0?{}:{name:e.name},...e.externalId===void 0?{}:{external_id:e.externalId},...e.detailsUrl===void 0?{}:{details_url:e.detailsUrl},...e.conclusion===void 0?{}:{status:"completed",conclusion:e.conclusion},...e.output===void 0?{}:{output:{...e.output}},...e.actions===void 0?{}:{actions:e.actions.map(t=>({...t}))}}}function A(e){return{async createCheckRun(t){const{data:n}=await e.rest.checks.create({...C(t),owner:t.owner,repo:t.repo,name:t.name,head_sha:t.headSha});return{id:n.id}},async updateCheckRun(t){await e.rest.checks.update({owner:t.owner,repo:t.repo,check_run_id:t.checkRunId,...C(t)})},async getCheckRun({owner:t,repo:n,checkRunId:r}){const o=await h(async()=>await e.rest.checks.get({owner:t,repo:n,check_run_id:r}));return o===null?null:g(o.data)},async listCheckRuns({owner:t,repo:n,headSha:r,name:o,appId:s}){const{data:a}=await e.rest.checks.listForRef({owner:t,repo:n,ref:r,check_name:o,filter:"all",per_page:100,...s===void 0?{}:{app_id:s}});return a.check_runs.map(g)}}}const O=100,u=`
  query RetryTargets(
    $owner: String!
    $repo: String!
    $number: Int!
    $configExpression: String!
    $checkName: String!
    $appId: Int
    $runs: Int!
  ) {
    repository(owner: $owner, name: $repo) {
      config: object(expression: $configExpression) {
        ... on Blob {
          text
        }
      }
      pullRequest(number: $number) {
        number
        headRefOid
        headRefName
        headRepository {
          nameWithOwner
        }
        baseRepository {
          nameWithOwner
        }
        commits(last: 1) {
          nodes {
            commit {
              oid
              runs: checkSuites(last: $runs) {
                pageInfo {
                  hasPreviousPage
                }
                nodes {
                  status
                  conclusion
                  branch {
                    name
                  }
                  workflowRun {
                    databaseId
                    runNumber
                    createdAt
                    updatedAt
                    event
                    file {
                      path
                    }
                    workflow {
                      databaseId
                      name
                    }
                  }
                }
              }
              reports: checkSuites(
                first: 10
                filterBy: { appId: $appId, checkName: $checkName }
              ) {
                nodes {
                  app {
                    databaseId
                  }
                  checkRuns(first: ${O}, filterBy: { checkName: $checkName, checkType: ALL }) {
                    nodes {
                      databaseId
                      name
                      externalId
                      conclusion
                      title
                      summary
                      text
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    ownerConfig: repository(owner: $owner, name: ".github") {
      config: object(expression: $configExpression) {
        ... on Blob {
          text
        }
      }
    }
  }
`;async function y(e,t){try{return{answer:await e.graphql(u,t),ownerConfigUnread:!1}}catch(n){const r=w(n);if(r===null)throw n;return r}}function w(e){if(!(e instanceof Error)||e.name!=="GraphqlResponseError")return null;const{errors:t,data:n}=e,r=s=>s.path?.[0]==="ownerConfig";return!t.every(s=>r(s)||s.type==="NOT_FOUND"&&s.path?.[1]==="pullRequest")||n===void 0||n===null?null:{answer:n,ownerConfigUnread:t.some(s=>r(s)&&s.type!=="NOT_FOUND")}}function R(e){return e===null?null:typeof e.text=="string"?e.text:void 0}function E(e,t){const n=e.workflowRun;if(n===null||n.databaseId===null||n.workflow.databaseId===null)return null;const r=n.file?.path??"";return{id:n.databaseId,runNumber:n.runNumber,workflowId:n.workflow.databaseId,workflowName:n.workflow.name===""?r:n.workflow.name,workflowPath:r,status:e.status.toLowerCase(),conclusion:e.conclusion===null?null:e.conclusion.toLowerCase(),headSha:t,headBranch:e.branch?.name??null,event:n.event,createdAt:n.createdAt,updatedAt:n.updatedAt}}function $(e,t){return e.flatMap(n=>(n?.checkRuns?.nodes??[]).flatMap(r=>r===null||r.databaseId===null?[]:[{id:r.databaseId,name:r.name,headSha:t,externalId:r.externalId,appId:n?.app?.databaseId??null,conclusion:r.conclusion===null?null:r.conclusion.toLowerCase(),output:{title:r.title??"",summary:r.summary??"",text:r.text??""}}]))}async function U(e,t){const{answer:n,ownerConfigUnread:r}=await y(e,{owner:t.owner,repo:t.repo,number:t.number,configExpression:`HEAD:${t.configPath}`,checkName:t.checkName,appId:t.appId,runs:Math.min(O,Math.max(1,t.limit))}),o=n.repository?.pullRequest??null,s=o?.commits.nodes.at(-1)?.commit;if(n.repository===null||o===null||s===void 0)return null;const a=new Map,d=R(n.repository.config);d!==void 0&&a.set(`${t.owner}/${t.repo}`,d);const m=n.ownerConfig===null?null:R(n.ownerConfig.config);if(m!==void 0&&!r&&a.set(`${t.owner}/.github`,m),s.oid!==o.headRefOid)throw new Error(`the head commit of pull request #${o.number} could not be read (${s.oid} is not ${o.headRefOid})`);const T=o.baseRepository?.nameWithOwner??`${t.owner}/${t.repo}`;return{pull:{number:o.number,headSha:o.headRefOid,headRef:o.headRefName,headRepository:o.headRepository?.nameWithOwner??null,baseRepository:T},runs:s.runs.nodes.flatMap(L=>{const B=L===null?null:E(L,o.headRefOid);return B===null?[]:[B]}),truncated:s.runs.pageInfo.hasPreviousPage,checkRuns:$(s.reports.nodes,o.headRefOid),configFiles:a}}function H(e){return{number:e.number,headSha:e.head.sha,headRef:e.head.ref,headRepository:e.head.repo?.full_name??null,baseRepository:e.base.repo.full_name}}function G(e){return{async getPullRequestChecks(t){return await U(e,t)},async getPullRequest({owner:t,repo:n,number:r}){const o=await h(async()=>await e.rest.pulls.get({owner:t,repo:n,pull_number:r}));return o===null?null:H(o.data)},async listPullRequestsByHead({owner:t,repo:n,head:r}){const{data:o}=await e.rest.pulls.list({owner:t,repo:n,head:r,state:"open",per_page:10});return o.map(H)},async getPermission({owner:t,repo:n,username:r}){try{const{data:o}=await e.rest.repos.getCollaboratorPermissionLevel({owner:t,repo:n,username:r});return{kind:"found",permission:o.permission,roleName:o.role_name}}catch(o){const s=c(o);return s?.status===404?{kind:"found",permission:"none",roleName:null}:{kind:"failed",reason:s===null?"the lookup failed":`GitHub answered HTTP ${s.status}`}}},async createComment({owner:t,repo:n,issueNumber:r,body:o}){const{data:s}=await e.rest.issues.createComment({owner:t,repo:n,issue_number:r,body:o});return{id:s.id}},async updateComment({owner:t,repo:n,commentId:r,body:o}){await e.rest.issues.updateComment({owner:t,repo:n,comment_id:r,body:o})},async listComments({owner:t,repo:n,issueNumber:r,limit:o}){const s=[],a=e.paginate.iterator(e.rest.issues.listComments,{owner:t,repo:n,issue_number:r,per_page:100});for await(const d of a)for(const m of d.data){if(s.length>=o)return s;s.push({id:m.id,body:m.body??"",author:m.user?.login??"",appId:m.performed_via_github_app?.id??null})}return s},async addReaction({owner:t,repo:n,commentId:r,content:o}){return{created:(await e.rest.reactions.createForIssueComment({owner:t,repo:n,comment_id:r,content:o})).status===201}}}}var W=f(3443);async function M(e,{owner:t,repo:n,path:r,known:o}){try{const s=o===void 0?e:D(e,{path:r,known:o}),{files:a,config:d}=await(0,W.r)(s,{owner:t,repo:n,path:r});return{kind:"found",value:a.some(T=>T.config!==null)?d:null}}catch(s){const a=c(s);return{kind:"failed",message:a!==null?`GitHub answered HTTP ${a.status}: ${a.message}`:s instanceof Error?s.message:String(s)}}}function D(e,t){return{request:Object.assign(async r=>{const{owner:o,repo:s,path:a,ref:d}=r,m=a===t.path&&d===void 0?t.known.get(`${String(o)}/${String(s)}`):void 0;if(m===void 0)return await e.request(r);if(m===null)throw Object.assign(new Error("Not Found"),{status:404});return{status:200,url:"",headers:{"content-type":"text/plain"},data:m}},{endpoint:e.request.endpoint})}}function F(e){const t=/\.ya?ml@/i.exec(e);return t!==null?t.index+t[0].length-1:e.indexOf("@")}function j(e,t){const n=F(e),r=n===-1?e:e.slice(0,n),o=`${t}/`;return r.toLowerCase().startsWith(o.toLowerCase())?r.slice(o.length):r}function re(e,t){return e.toLowerCase().startsWith(`${t}/`.toLowerCase())}function S(e){return{id:e.id,attempt:e.run_attempt??1,runNumber:e.run_number,repository:e.repository.full_name,workflowPath:j(e.path,e.repository.full_name),status:e.status,conclusion:e.conclusion,htmlUrl:e.html_url,displayTitle:e.display_title,headSha:e.head_sha,headBranch:e.head_branch,event:e.event}}function v(e){return{...S(e),workflowId:e.workflow_id,workflowName:e.name??e.path,headRepository:e.head_repository?.full_name??null,createdAt:e.created_at,updatedAt:e.updated_at,pullRequests:(e.pull_requests??[]).map(t=>t.number)}}const q=/does not have 'workflow_dispatch' trigger/i,K=/return_run_details/i;function z(e){return{async getRun({owner:t,repo:n,runId:r}){const o=await h(async()=>await e.rest.actions.getWorkflowRun({owner:t,repo:n,run_id:r}));return o===null?null:v(o.data)},async listRuns(t){const n={owner:t.owner,repo:t.repo,per_page:Math.min(100,Math.max(1,t.limit)),...t.headSha===void 0?{}:{head_sha:t.headSha},...t.event===void 0?{}:{event:t.event},...t.branch===void 0?{}:{branch:t.branch}},r=t.workflow===void 0?e.paginate.iterator(e.rest.actions.listWorkflowRunsForRepo,n):e.paginate.iterator(e.rest.actions.listWorkflowRuns,{...n,workflow_id:t.workflow}),o=[];for await(const s of r)for(const a of s.data){const d=t.createdSince!==void 0&&a.created_at<t.createdSince;if(o.length>=t.limit||d)return o;o.push(v(a))}return o},async dispatchWorkflow(t){const n={owner:t.owner,repo:t.repo,workflow_id:t.workflowId,ref:t.ref,inputs:{...t.inputs}};try{const o=(await e.rest.actions.createWorkflowDispatch({...n,return_run_details:!0})).data;return{kind:"dispatched",runId:typeof o?.workflow_run_id=="number"?o.workflow_run_id:null}}catch(r){const o=c(r);if(o===null||o.status>=500)throw r;return K.test(o.message)?(await e.rest.actions.createWorkflowDispatch(n),{kind:"dispatched",runId:null}):o.status===422&&q.test(o.message)?{kind:"no-dispatch-trigger",message:o.message}:{kind:"rejected",status:o.status,message:o.message}}},async rerunFailedJobs({owner:t,repo:n,runId:r}){try{return await e.rest.actions.reRunWorkflowFailedJobs({owner:t,repo:n,run_id:r}),{kind:"rerun"}}catch(o){const s=c(o);if(s===null||s.status>=500)throw o;return{kind:"refused",status:s.status,message:s.message}}},async readFile({owner:t,repo:n,path:r,ref:o}){const s=await h(async()=>await e.request("GET /repos/{owner}/{repo}/contents/{path}",{owner:t,repo:n,path:r,ref:o,headers:{accept:"application/vnd.github.raw"}}));if(s===null)return null;const a=s.data;if(typeof a!="string")throw new Error(`${r} is not a file`);return a},readConfig:async t=>await M(e,t)}}async function Y(e,t){const n=Number(e.headers.get("content-length")??NaN);if(Number.isFinite(n)&&n>t)return null;if(e.body===null)return new Uint8Array;const r=[];let o=0;for await(const d of e.body){if(o+=d.length,o>t)return null;r.push(d)}const s=new Uint8Array(o);let a=0;for(const d of r)s.set(d,a),a+=d.length;return s}function X(e){return{async getWorkflowRun(t){const n=await h(async()=>await e.rest.actions.getWorkflowRun({owner:t.owner,repo:t.repo,run_id:t.runId,exclude_pull_requests:!0}));return n===null?null:S(n.data)},async listRunArtifacts(t){return(await e.paginate(e.rest.actions.listWorkflowRunArtifacts,{owner:t.owner,repo:t.repo,run_id:t.runId,per_page:100})).filter(r=>t.namePrefix===void 0||r.name.startsWith(t.namePrefix)).map(r=>({id:r.id,name:r.name,sizeInBytes:r.size_in_bytes,expired:r.expired,expiresAt:r.expires_at,createdAt:r.created_at}))},async downloadArtifactZip(t){let n;try{n=(await e.rest.actions.downloadArtifact({owner:t.owner,repo:t.repo,artifact_id:t.artifactId,archive_format:"zip",request:{redirect:"manual"}})).headers.location}catch(s){const a=c(s);if(a?.status===410)return{kind:"expired",message:a.message};if(a?.status===404)return{kind:"not-found"};throw s}if(n===void 0||!/^https?:\/\//.test(n))throw new Error(`GitHub did not redirect the download of artifact ${t.artifactId} to a URL`);const r=await fetch(n,{redirect:"follow"});if(!r.ok)throw new Error(`downloading artifact ${t.artifactId} failed with HTTP ${r.status}`);const o=await Y(r,t.maxBytes);return o===null?{kind:"too-large",maxBytes:t.maxBytes}:{kind:"downloaded",bytes:o}}}}function J(e){return{...X(e),...z(e),...G(e),...A(e)}}var Q=f(7657);const V=1e4;function Z(e,t){const n=(t??N(e.GH_HOST)??"github.com").toLowerCase(),r=N(e.GITHUB_API_URL);return r!==void 0?{apiUrl:r.replace(/\/+$/,""),host:n}:{apiUrl:n==="github.com"?"https://api.github.com":`https://${n}/api/v3`,host:n}}async function ee(e,t){const n=N(e.GH_TOKEN)??N(e.GITHUB_TOKEN);if(n!==void 0)return n;const r=await ne(e,t);if(r!==null)return r;throw new Q.yo(`no GitHub token: set GH_TOKEN, or install the GitHub CLI and run "gh auth login --hostname ${t}"`)}async function te(e,t){const{apiUrl:n,host:r}=Z(e,t),o=await ee(e,r),s=_({token:o,baseUrl:n,userAgent:"gh-retry-cli"});return{apiUrl:n,host:r,client:s,github:J(s)}}function ne(e,t){return new Promise(n=>{(0,p.execFile)("gh",["auth","token","--hostname",t],{env:{...e},timeout:V,windowsHide:!0},(r,o)=>{const s=o.trim();n(r===null&&/^\S+$/.test(s)?s:null)})})}function N(e){return e===void 0||e.trim()===""?void 0:e.trim()}}),4292:((P,I,f)=>{f.d(I,{V:()=>x});var p=f(7657);async function x(i,_){try{return await _()}catch(c){if(c instanceof p.yo)throw c;const h=b(c),g=k(c);throw h===401?new p.yo(`GitHub refused the token (${g}): set GH_TOKEN to a valid token, or run "gh auth login"`):h===403?new p.yo(`your token may not do this in ${i.repository} (GitHub: ${g}): use a token with Actions and Checks access to it`):h===404?new p.yo(`${i.repository} or its run was not found, or your token cannot see it: check the run, or use a token with access to ${i.repository}`):h===null&&c instanceof Error&&/fetch failed|ECONN|ENOTFOUND/i.test(g)?new p.yo(`cannot reach the GitHub API at ${i.apiUrl} (${g}): check GITHUB_API_URL / GH_HOST and your network`):c}}function b(i){return typeof i!="object"||i===null||!("status"in i)?null:typeof i.status=="number"?i.status:null}function k(i){const _=i.response?.data;if(typeof _?.message=="string")return _.message.split(`
`)[0]??_.message;const c=(0,p.gJ)(i),h=i instanceof Error&&i.cause instanceof Error?`: ${i.cause.message}`:"";return`${c.split(`
`)[0]??c}${h}`.replace(/ - https:\/\/docs\.github\.com\S*/,"")}}),748:((P,I,f)=>{f.d(I,{LI:()=>C,N5:()=>A,N8:()=>h,Sm:()=>k,Yr:()=>O,lt:()=>i,o5:()=>g});var p=f(7657),x=f(9287),b=f(6097);const k="gh-retry-",i="record.json";function _(l,u){return`${l}-${u}`}function c(l){const u=l.toLowerCase().replace(/[^a-z0-9]+/g,"-").replace(/^-+|-+$/g,"").slice(0,64).replace(/-+$/,"");return u===""?"schedule":u}function h(l){return`${k}${l.key}-${l.attempt}`}function g(l){const u=/^gh-retry-([a-z0-9][a-z0-9-]*)-(\d{1,6})$/.exec(l);return u===null?null:{key:u[1]??"",attempt:Number(u[2])}}function C(l){let u=null;for(const y of l.artifacts){const w=g(y.name);if(w===null||w.key!==l.key||w.attempt>l.maxAttempt)continue;(u===null||w.attempt>u.attempt||w.attempt===u.attempt&&y.id>u.artifact.id)&&(u={artifact:y,attempt:w.attempt})}return u?.artifact??null}function A(l,u){if(u>b.xA.maxRecordBytes)throw new p.Rt(`the record in "${l}" is ${u} bytes; at most ${b.xA.maxRecordBytes} are read`)}function O(l){const{bytes:u,run:y,artifactName:w}=l;if(u===void 0)throw new p.Rt(`the record artifact "${w}" has no ${i}`);A(w,u.length);const R=(0,x.Yz)(new TextDecoder("utf-8",{fatal:!1}).decode(u),{source:`${i} of "${w}"`}),E=g(w)?.attempt,$=R.github;if(!(E!==void 0&&$!==null&&$.runId===y.id&&$.runAttempt===E&&$.repository.toLowerCase()===y.repository.toLowerCase()&&R.id===_(y.id,E)))throw new p.Rt(`the record in "${w}" does not belong to run ${y.id} (it names ${R.id}); it is not used`);return R}})};export{oe as id,se as ids,ae as modules};
