import { type CallbackFieldReader, callbackFields, RoomcastError } from '@roomcast/core';
import { PROVIDER_ID } from '../version.js';
import type {
  TrtcAfterCreateRoomCallback,
  TrtcAfterDestroyRoomCallback,
  TrtcAfterSendMsgCallback,
  TrtcBeforeSendMsgCallback,
  TrtcCallbackCommon,
  TrtcGroupMsgFields,
  TrtcLiveCustomData,
  TrtcMemberStateChangedCallback,
  TrtcMsgElement,
} from './types.js';

const reader = (fields: Readonly<Record<string, unknown>>, name: string): CallbackFieldReader =>
  callbackFields(fields, { provider: PROVIDER_ID, name });

function msgBody(read: CallbackFieldReader, name: string): TrtcMsgElement[] {
  return read.list('MsgBody').map((element, index) => {
    const e = reader((element ?? {}) as Record<string, unknown>, `${name} MsgBody[${index}]`);
    return { MsgType: e.requiredString('MsgType'), MsgContent: { ...(e.object('MsgContent') ?? {}) } };
  });
}

/** `MsgContent.Data` of a live custom message is JSON `{BusinessId, Data}`; anything else is left alone. */
function liveCustomData(type: string | undefined, body: TrtcMsgElement[]): TrtcLiveCustomData | undefined {
  const custom = body.find((e) => e.MsgType === 'TIMCustomElem');
  if (type !== 'Live' || custom === undefined || typeof custom.MsgContent.Data !== 'string') return undefined;
  try {
    const parsed = JSON.parse(custom.MsgContent.Data) as Record<string, unknown>;
    if (typeof parsed?.BusinessId === 'string' && typeof parsed.Data === 'string') {
      return { BusinessId: parsed.BusinessId, Data: parsed.Data };
    }
  } catch {
    // Not the send_custom_msg wrapping: the raw Data stays in MsgBody.
  }
  return undefined;
}

function groupMsg(common: TrtcCallbackCommon): Omit<TrtcGroupMsgFields, keyof TrtcCallbackCommon> {
  const read = reader(common.raw, common.CallbackCommand);
  const body = msgBody(read, common.CallbackCommand);
  const type = read.string('Type');
  return {
    GroupId: read.requiredString('GroupId'),
    Type: type,
    From_Account: read.requiredString('From_Account'),
    Operator_Account: read.string('Operator_Account'),
    Random: read.integer('Random'),
    OnlineOnlyFlag: read.integer('OnlineOnlyFlag'),
    MsgId: read.string('MsgId'),
    MsgBody: body,
    CloudCustomData: read.string('CloudCustomData'),
    TopicId: read.string('TopicId'),
    EventTime: read.integer('EventTime'),
    LiveCustomData: liveCustomData(type, body),
  };
}

/** Parses a verified `Group.CallbackBeforeSendMsg`. */
export function parseBeforeSendMsg(common: TrtcCallbackCommon): TrtcBeforeSendMsgCallback {
  return { ...common, ...groupMsg(common), CallbackCommand: 'Group.CallbackBeforeSendMsg' };
}

/** Parses a verified `Group.CallbackAfterSendMsg`. */
export function parseAfterSendMsg(common: TrtcCallbackCommon): TrtcAfterSendMsgCallback {
  const read = reader(common.raw, common.CallbackCommand);
  return {
    ...common,
    ...groupMsg(common),
    CallbackCommand: 'Group.CallbackAfterSendMsg',
    MsgSeq: read.integer('MsgSeq'),
    MsgTime: read.integer('MsgTime'),
  };
}

/** Parses a verified `Live.CallbackAfterCreateRoom`. */
export function parseAfterCreateRoom(common: TrtcCallbackCommon): TrtcAfterCreateRoomCallback {
  const read = reader(common.raw, common.CallbackCommand);
  const roomInfo = read.object('RoomInfo') ?? {};
  return {
    ...common,
    CallbackCommand: 'Live.CallbackAfterCreateRoom',
    Operator_Account: read.string('Operator_Account'),
    RoomInfo: roomInfo,
    RoomId:
      reader(roomInfo, `${common.CallbackCommand} RoomInfo`).string('RoomId') ??
      read.requiredString('RoomId'),
    EventTime: read.integer('EventTime'),
  };
}

/** Parses a verified `Live.CallbackAfterDestroyRoom`. */
export function parseAfterDestroyRoom(common: TrtcCallbackCommon): TrtcAfterDestroyRoomCallback {
  const read = reader(common.raw, common.CallbackCommand);
  return {
    ...common,
    CallbackCommand: 'Live.CallbackAfterDestroyRoom',
    Operator_Account: read.string('Operator_Account'),
    RoomId: read.requiredString('RoomId'),
    EventType: read.string('EventType'),
    EventTime: read.integer('EventTime'),
    RoomInfo: read.object('RoomInfo'),
    Statistic: read.object('Statistic'),
  };
}

/** Parses a verified member-state callback (both spellings of its command). */
export function parseMemberStateChanged(common: TrtcCallbackCommon): TrtcMemberStateChangedCallback {
  const read = reader(common.raw, common.CallbackCommand);
  const eventType = read.requiredString('EventType');
  if (eventType !== 'Online' && eventType !== 'Offline') {
    throw new RoomcastError(
      'INVALID_ARGUMENT',
      `${common.CallbackCommand} callback: EventType must be Online or Offline, got "${eventType.slice(0, 20)}"`,
      { provider: PROVIDER_ID },
    );
  }
  return {
    ...common,
    CallbackCommand: common.CallbackCommand as TrtcMemberStateChangedCallback['CallbackCommand'],
    RoomId: read.requiredString('RoomId'),
    EventType: eventType,
    EventCause: read.string('EventCause'),
    MemberList: read.list('MemberList').map((member, index) => ({
      Member_Account: reader(
        (member ?? {}) as Record<string, unknown>,
        `MemberList[${index}]`,
      ).requiredString('Member_Account'),
    })),
    EventTime: read.integer('EventTime'),
  };
}
