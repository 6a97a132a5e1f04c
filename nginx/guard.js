// Request guards of the Nginx entry points (njs), for what PostgREST 12.0.2 cannot answer:
// a request header or query that is not UTF-8 makes it answer 500, and the time it takes to match a
// JSON body's members against a function's arguments grows much faster than their number
// (1,000 members: 7 s; 3,000: it closes the connection).

// Headers, and the address once percent-decoded, must be UTF-8. njs hands header bytes over
// as a byte string (fromUTF8() is null when they are not UTF-8); decodeURIComponent() throws
// on an escaped sequence that is not.
function bad_request(r) {
    var headers = r.rawHeadersIn;
    for (var i = 0; i < headers.length; i++) {
        if (headers[i][0].fromUTF8() === null || headers[i][1].fromUTF8() === null) {
            return '1';
        }
    }
    try {
        decodeURIComponent(r.variables.request_uri);
    } catch (e) {
        return '1';
    }
    return '';
}

// No API function or view takes more than a few dozen members: 64 is ample, and PostgREST
// answers that many in milliseconds.
var MAX_MEMBERS = 64;

function too_many_members(value) {
    if (Array.isArray(value)) {
        for (var i = 0; i < value.length; i++) {
            if (too_many_members(value[i])) {
                return true;
            }
        }
        return false;
    }
    if (value !== null && typeof value === 'object') {
        var keys = Object.keys(value);
        if (keys.length > MAX_MEMBERS) {
            return true;
        }
        for (var j = 0; j < keys.length; j++) {
            if (too_many_members(value[keys[j]])) {
                return true;
            }
        }
    }
    return false;
}

function refuse(r, status, message) {
    r.headersOut['Content-Type'] = 'application/json; charset=utf-8';
    r.return(status, JSON.stringify({code: String(status), message: message}) + '\n');
}

// A request to PostgREST with a body: its JSON checked, then passed on as a subrequest to
// the internal location /_np_postgrest/, and PostgREST's answer returned as it came.
function rest_with_body(r) {
    var body = r.requestText || '';
    var type = r.headersIn['Content-Type'] || '';
    if (body && type.indexOf('json') >= 0) {
        var parsed;
        try {
            parsed = JSON.parse(body);
        } catch (e) {
            parsed = undefined;  // PostgREST says what is wrong with it
        }
        if (parsed !== undefined && too_many_members(parsed)) {
            return refuse(r, 413, 'the JSON body has an object with more than ' + MAX_MEMBERS
                                  + ' members; no API function or view takes that many');
        }
    }
    r.subrequest('/_np_postgrest' + r.uri.substring('/rest'.length),
                 {method: r.method, args: r.variables.args || '', body: body},
                 function (reply) {
                     var headers = reply.headersOut;
                     for (var name in headers) {
                         r.headersOut[name] = headers[name];
                     }
                     r.return(reply.status, reply.responseBuffer || '');
                 });
}

export default {bad_request, rest_with_body};
